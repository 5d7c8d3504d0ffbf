import { ErrorResponse, errorBody, type FieldError, messages, toFieldErrors } from '@doanket/domain';
import type { FastifyError, FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError } from './app-error';

/** Error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly fields: FieldError[]) {
    super('Request validation failed');
  }
}

/** Paths of strings holding a NUL character, which PostgreSQL text cannot store. */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulPaths(item, [...path, String(index)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
  }
  return [];
}

/** Validates with the zod contract and keeps every issue, so that each field gets its message. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const withNul = nulPaths(data);
    if (withNul.length > 0) {
      const text = messages['text.control_character'];
      return {
        error: new RequestValidationError(
          withNul.map((path) => ({ path, message: text.vi, messageEn: text.en })),
        ),
      };
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(toFieldErrors(result.error.issues)) };
  };

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (error instanceof RequestValidationError) {
      return reply
        .code(400)
        .send(errorBody('validation_error', 'validation.invalid', { fields: error.fields, requestId }));
    }
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({
        code: error.code,
        message: error.message,
        messageEn: error.messageEn,
        ...(error.fields ? { fields: error.fields } : {}),
        requestId,
      });
    }
    // Fastify's own 4xx (malformed JSON, body too large, wrong content type…).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({
        code: error.code ?? 'bad_request',
        message: 'Yêu cầu không hợp lệ',
        messageEn: error.message,
        requestId,
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send(errorBody('internal', 'internal', { requestId }));
  });
}
