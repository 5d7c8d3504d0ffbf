import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  actionsOf,
  ErrorReportQuery,
  HouseholdFileInspection,
  HouseholdImportJob,
  HouseholdImportMapping,
  ImportJobParams,
  importColumns,
  StartHouseholdImportQuery,
  StartHouseholdImportResponse,
} from '@doanket/domain';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../lib/access';
import { forbidden } from '../../lib/app-error';
import { errorResponses } from '../../lib/http';
import {
  checkMapping,
  defaultMaxBytes,
  errorReportCsv,
  HouseholdFileError,
  inspectHouseholdFile,
} from './households-file';
import { fileMessages, HouseholdImportError, importMessages } from './households-file-messages';
import * as service from './households-import.service';

type Upload = { path: string; fileName: string | null; mapping?: HouseholdImportMapping };

// A file name is shown back and stored: no path, no control characters, a sane length.
function cleanFileName(name: string | undefined): string | null {
  if (!name) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  return base.normalize('NFC').slice(0, 200) || null;
}

/**
 * Streams the multipart upload to a private temporary file (never whole in memory), with the
 * optional `mapping` field. Whatever goes wrong, no temporary file is left behind.
 */
async function receiveUpload(request: FastifyRequest, options: { mapping: boolean }): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new HouseholdImportError('import.not_multipart', 415, importMessages.notMultipart());
  }
  const dir = await service.importTempDir();
  let upload: Upload | undefined;
  let mappingText: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload) {
          part.file.resume();
          throw new HouseholdImportError('import.too_many_parts', 400, importMessages.tooManyParts());
        }
        const target = path.join(dir, `${randomUUID()}.upload`);
        upload = { path: target, fileName: cleanFileName(part.filename) };
        await pipeline(part.file, fs.createWriteStream(target, { mode: 0o600 }));
        if (part.file.truncated) throw tooLarge();
      } else if (part.fieldname === 'mapping' && options.mapping) {
        mappingText = String(part.value ?? '');
      }
    }
    if (!upload) throw new HouseholdImportError('import.no_file', 400, importMessages.noFile());
    if (mappingText !== undefined && mappingText.trim() !== '') upload.mapping = parseMapping(mappingText);
    return upload;
  } catch (error) {
    if (upload) await fs.promises.rm(upload.path, { force: true });
    throw mapUploadError(error);
  }
}

const tooLarge = () =>
  new HouseholdImportError('file.too_large', 413, fileMessages.tooLarge(defaultMaxBytes));

function parseMapping(text: string): HouseholdImportMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HouseholdImportError('import.invalid_mapping', 400, importMessages.invalidMappingJson());
  }
  const parsed = HouseholdImportMapping.safeParse(value);
  if (!parsed.success) {
    throw new HouseholdImportError('import.invalid_mapping', 400, importMessages.invalidMappingJson());
  }
  try {
    checkMapping(parsed.data);
  } catch (error) {
    if (error instanceof HouseholdFileError) {
      throw new HouseholdImportError(error.code, 400, { vi: error.message, en: error.messageEn });
    }
    throw error;
  }
  return parsed.data;
}

/** The multipart plugin's own refusals, in both languages. */
function mapUploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new HouseholdImportError('import.not_multipart', 415, importMessages.notMultipart());
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HouseholdImportError('import.too_many_parts', 400, importMessages.tooManyParts());
  }
  return error;
}

export const householdImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];
  await app.register(multipart, {
    limits: { fileSize: defaultMaxBytes, files: 1, fields: 4, parts: 6, fieldSize: 64 * 1024 },
  });

  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const mapped = mapUploadError(error);
    if (mapped instanceof HouseholdImportError) {
      return reply.code(mapped.statusCode).send({
        code: mapped.code,
        message: mapped.message,
        messageEn: mapped.messageEn,
        requestId: request.id,
      });
    }
    // Everything else is answered by the application's handler.
    throw error;
  });

  await service.removeStaleImportFiles().catch(() => {});

  // Jobs run in this process: closing waits for them rather than cutting a transaction short.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.post(
    '/households/import/inspect',
    {
      schema: {
        tags,
        summary:
          'Xem trước tệp nhập: dòng tiêu đề, cách ghép cột, vài dòng đầu / Preview an import file: header, mapping, first rows',
        consumes: ['multipart/form-data'],
        response: { 200: HouseholdFileInspection, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request.ctx);
      if (!actionsOf(actor).includes('households.write')) throw forbidden();
      const upload = await receiveUpload(request, { mapping: false });
      try {
        const result = await inspectHouseholdFile({
          source: upload.path,
          fileName: upload.fileName ?? undefined,
        });
        // Missing columns are what the mapping step is for; other problems refuse the file.
        if (!result.ok && !(result.inspection && result.error.code === 'file.missing_columns')) {
          throw new HouseholdImportError(result.error.code, 400, {
            vi: result.error.message,
            en: result.error.messageEn,
          });
        }
        const inspection = result.ok ? result : result.inspection!;
        return {
          kind: inspection.kind,
          encoding: inspection.encoding,
          headerRow: inspection.headerRow,
          headers: inspection.headers,
          mapping: inspection.mapping,
          missing: inspection.missing,
          unknown: inspection.unknown,
          duplicates: inspection.duplicates,
          ignored: inspection.ignored,
          sampleRows: inspection.sampleRows,
          fields: importColumns.map((column) => ({
            field: column.field,
            header: column.header,
            required: column.required,
          })),
        };
      } finally {
        await fs.promises.rm(upload.path, { force: true });
      }
    },
  );

  app.post(
    '/households/import',
    {
      schema: {
        tags,
        summary:
          'Nhập hộ gia đình và nhân khẩu từ tệp .xlsx/.csv (chạy nền) / Import households and members (background job)',
        consumes: ['multipart/form-data'],
        querystring: StartHouseholdImportQuery,
        response: { 202: StartHouseholdImportResponse, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, finished } = await service.startHouseholdImport({
        db: app.db,
        ctx: request.ctx,
        sealer: app.sealer,
        unitCode: request.query.unit,
        mode: request.query.mode,
        at: request.query.at,
        receive: () => receiveUpload(request, { mapping: true }),
        log: (error) => app.log.error({ err: error, importJob: true }, 'household import failed'),
      });
      running.add(finished);
      void finished.finally(() => running.delete(finished));
      return reply.code(202).send({ id });
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ và kết quả của một lần nhập / Progress and result of an import',
        params: ImportJobParams,
        response: { 200: HouseholdImportJob, ...errorResponses },
      },
    },
    async (request) => service.getHouseholdImport({ db: app.db, ctx: request.ctx, id: request.params.id }),
  );

  app.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: 'Báo cáo lỗi (Dòng, Cột, Lý do) / Error report (row, column, reason)',
        params: ImportJobParams,
        querystring: ErrorReportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const lines = await service.getHouseholdImportErrors({
        db: app.db,
        ctx: request.ctx,
        id: request.params.id,
      });
      const name = request.query.lang === 'en' ? 'import-errors' : 'bao-cao-loi-nhap';
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${request.params.id.slice(0, 8)}.csv"`)
        .send(errorReportCsv(lines, request.query.lang));
    },
  );
};
