import { ErrorResponse, type FieldError } from '@doanket/domain';
import type { z } from 'zod';

export type Lang = 'vi' | 'en';

/** An error answer of the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorResponse) {
    super(body.messageEn);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageVi = body.message;
    this.messageEn = body.messageEn;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
  }

  text(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.messageVi;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type RequestOptions = { query?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal };

let unauthorizedHandler: (() => void) | null = null;

/** Called when a request answers 401 outside /api/auth (the session ended). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

// Client-side failures reuse the API's error shape; the UI prefers its own dictionary for these codes.
const networkError = {
  code: 'network',
  message: 'Không kết nối được máy chủ',
  messageEn: 'Cannot reach the server',
};
const badResponse = {
  code: 'bad_response',
  message: 'Máy chủ trả lời không đúng định dạng',
  messageEn: 'The server answered in an unexpected shape',
};

async function request<S extends z.ZodType | null>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, networkError);
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.();
    const body = ErrorResponse.safeParse(json);
    throw new ApiError(
      response.status,
      body.success ? body.data : { ...badResponse, code: `http_${response.status}` },
    );
  }
  if (schema === null) return undefined as never;
  const parsed = (schema as z.ZodType).safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, badResponse);
  }
  return parsed.data as never;
}

/** The one way the web app talks to the API: JSON in, zod-checked JSON out, ApiError on failure. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, options?: RequestOptions) =>
    request('GET', path, schema, options),
  post: <S extends z.ZodType | null>(path: string, schema: S, body?: unknown, options?: RequestOptions) =>
    request('POST', path, schema, { ...options, body: body ?? {} }),
  patch: <S extends z.ZodType | null>(path: string, schema: S, body: unknown, options?: RequestOptions) =>
    request('PATCH', path, schema, { ...options, body }),
  delete: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) =>
    request('DELETE', path, schema, options),
};
