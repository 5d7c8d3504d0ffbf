import type { FieldError, MessageKey } from '@doanket/domain';
import { messages } from '@doanket/domain';

const statusByCode = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

/** An error a user can cause: it becomes a 4xx answer with a Vietnamese and an English message. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly messageEn: string;

  constructor(
    readonly code: AppErrorCode,
    readonly key: MessageKey,
    readonly fields?: FieldError[],
  ) {
    super(messages[key].vi);
    this.statusCode = statusByCode[code];
    this.messageEn = messages[key].en;
  }
}

export const notFound = (key: MessageKey = 'not_found') => new AppError('not_found', key);
export const forbidden = () => new AppError('forbidden', 'forbidden');
export const badRequest = (key: MessageKey, path?: string) =>
  new AppError(
    'bad_request',
    key,
    path ? [{ path, message: messages[key].vi, messageEn: messages[key].en }] : undefined,
  );
export const conflict = (key: MessageKey) => new AppError('conflict', key);
