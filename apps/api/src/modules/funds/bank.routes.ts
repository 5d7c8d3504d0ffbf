import path from 'node:path';
import {
  BankLineParams,
  CampaignParams,
  CampaignVietQrResponse,
  DecideBankLineRequest,
  DecideBankLineResponse,
  FundIdParams,
  ImportBankStatementQuery,
  ImportBankStatementResponse,
  ListBankLinesQuery,
  ListBankLinesResponse,
  ListBankStatementsResponse,
} from '@doanket/domain';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http';
import * as service from './bank.service';
import { BankStatementError, maxStatementBytes, statementMessages } from './bank-statement-file';

// A file name is shown back and stored: no path, no control characters, a sane length.
function cleanFileName(name: string | undefined): string | null {
  if (!name) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  return base.normalize('NFC').slice(0, 200) || null;
}

const noFile = () => new BankStatementError('statement.no_file', statementMessages.noFile());

/** The multipart plugin's own refusals, in both languages. */
function mapUploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new BankStatementError(
      'statement.too_large',
      statementMessages.tooLarge(maxStatementBytes / 1024 / 1024),
    );
  }
  if (
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  ) {
    return noFile();
  }
  return error;
}

/** The uploaded statement, whole (statements are small; the size is limited). */
async function receiveStatement(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart()) throw noFile();
  let received: { bytes: Buffer; fileName: string | null } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || received) {
        part.file.resume();
        continue;
      }
      received = { bytes: await part.toBuffer(), fileName: cleanFileName(part.filename) };
    }
  } catch (error) {
    throw mapUploadError(error);
  }
  if (!received) throw noFile();
  return received;
}

/** Routes of the bank part of funds: VietQR codes, statement imports and decisions on their lines. */
export const bankRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['funds'];
  const db = app.db;
  await app.register(multipart, {
    limits: { fileSize: maxStatementBytes, files: 1, fields: 4, parts: 6, fieldSize: 1024 },
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapUploadError(error);
    if (mapped instanceof BankStatementError) {
      const text = { message: mapped.message, messageEn: mapped.messageEn };
      return reply.code(400).send({
        code: mapped.code,
        ...text,
        fields: [{ path: mapped.row ? `file.row.${mapped.row}` : 'file', ...text }],
        requestId: request.id,
      });
    }
    // Everything else is answered by the application's handler.
    throw error;
  });

  app.get(
    '/campaigns/:id/vietqr',
    {
      schema: {
        tags,
        summary: 'Mã VietQR ủng hộ cuộc vận động / VietQR code for donating to a campaign',
        params: CampaignParams,
        response: { 200: CampaignVietQrResponse, ...errorResponses },
      },
    },
    async (request) => service.getCampaignVietQr({ db, ctx: request.ctx, id: request.params.id }),
  );

  app.post(
    '/funds/:id/bank-statements',
    {
      schema: {
        tags,
        summary:
          'Nhập sao kê ngân hàng (CSV/XLSX), ghép khoản có với cuộc vận động / Import a bank statement and match its credits',
        description:
          'multipart/form-data with the field `file`. Credits whose message names the code of a campaign open on their date are recorded as donations; the others wait for a decision. A line already imported (same account, date, amount, reference, description) is not recorded again.',
        consumes: ['multipart/form-data'],
        params: FundIdParams,
        querystring: ImportBankStatementQuery,
        response: { 201: ImportBankStatementResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await service.importStatement({
          db,
          ctx: request.ctx,
          fundId: request.params.id,
          accountId: request.query.account,
          receive: () => receiveStatement(request),
        }),
      ),
  );

  app.get(
    '/funds/:id/bank-statements',
    {
      schema: {
        tags,
        summary: 'Các sao kê đã nhập / Statements imported',
        params: FundIdParams,
        response: { 200: ListBankStatementsResponse, ...errorResponses },
      },
    },
    async (request) => service.listStatements({ db, ctx: request.ctx, fundId: request.params.id }),
  );

  app.get(
    '/funds/:id/bank-lines',
    {
      schema: {
        tags,
        summary: 'Các khoản có trong sao kê của quỹ / Credits of the fund’s statements',
        params: FundIdParams,
        querystring: ListBankLinesQuery,
        response: { 200: ListBankLinesResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.listLines({ db, ctx: request.ctx, fundId: request.params.id, ...request.query }),
  );

  app.post(
    '/bank-lines/:id/decide',
    {
      schema: {
        tags,
        summary:
          'Xử lý một khoản có chưa ghép: ghi nhận ủng hộ hoặc bỏ qua / Decide a waiting credit: record it or ignore it',
        params: BankLineParams,
        body: DecideBankLineRequest,
        response: { 200: DecideBankLineResponse, ...errorResponses },
      },
    },
    async (request) =>
      service.decideLine({ db, ctx: request.ctx, lineId: request.params.id, body: request.body }),
  );
};
