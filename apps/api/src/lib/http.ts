import { ErrorResponse, errorBody, type FieldError, toFieldErrors } from '@doanket/domain';
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

/** Validates with the zod contract and keeps every issue, so that each field gets its message. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
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
