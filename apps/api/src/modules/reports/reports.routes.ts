import {
  AnnualReportQuery,
  NarrativeQuery,
  NarrativeResponse,
  type ReportFormat,
  SaveNarrativeRequest,
} from '@doanket/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http';
import { buildAnnualReport, getNarrative, saveNarrative } from './annual-report.service';
import { buildAnnualReportDocx } from './annual-report-docx';
import type { AnnualReportInput } from './annual-report-layout';
import { buildAnnualReportPdf } from './annual-report-pdf';
import { buildAnnualReportXlsx } from './annual-report-xlsx';

export const reportContentTypes: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function renderAnnualReport(data: AnnualReportInput, format: ReportFormat): Promise<Buffer> {
  if (format === 'pdf') return buildAnnualReportPdf(data);
  if (format === 'xlsx') return buildAnnualReportXlsx(data);
  return buildAnnualReportDocx(data);
}

export const reportFileName = (unitCode: string, year: number, format: ReportFormat) =>
  `bao-cao-tong-ket-${unitCode}-${year}.${format}`;

/** The year-end report of a unit, generated from the data on each request, and its narrative. */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];
  const db = app.db;

  app.get(
    '/reports/annual',
    {
      schema: {
        tags,
        summary: 'Báo cáo tổng kết năm (DOCX, PDF, XLSX) / Year-end report',
        querystring: AnnualReportQuery,
        response: { 200: z.any().meta({ description: 'The document file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { unit, year, format } = request.query;
      const data = await buildAnnualReport(db, request.ctx, { unitCode: unit, year });
      const file = await renderAnnualReport(data, format);
      return reply
        .type(reportContentTypes[format])
        .header(
          'content-disposition',
          `attachment; filename="${reportFileName(data.unit.code, year, format)}"`,
        )
        .send(file);
    },
  );

  app.get(
    '/reports/annual/narrative',
    {
      schema: {
        tags,
        summary: 'Phần lời của báo cáo tổng kết / The report’s narrative',
        querystring: NarrativeQuery,
        response: { 200: NarrativeResponse, ...errorResponses },
      },
    },
    async (request) =>
      getNarrative(db, request.ctx, { unitCode: request.query.unit, year: request.query.year }),
  );

  app.put(
    '/reports/annual/narrative',
    {
      schema: {
        tags,
        summary: 'Lưu phần lời của báo cáo tổng kết / Save the report’s narrative',
        body: SaveNarrativeRequest,
        response: { 200: NarrativeResponse, ...errorResponses },
      },
    },
    async (request) => {
      await saveNarrative(db, request.ctx, request.body);
      return getNarrative(db, request.ctx, { unitCode: request.body.unitCode, year: request.body.year });
    },
  );
};
