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

async function send(method: string, path: string, options: RequestOptions, accept: string) {
  const headers: Record<string, string> = { accept };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(buildUrl(path, options.query), {
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
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ApiError of a failed answer, from its JSON error body when it has one. */
function failure(path: string, status: number, json: unknown): ApiError {
  if (status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.();
  const body = ErrorResponse.safeParse(json);
  return new ApiError(status, body.success ? body.data : { ...badResponse, code: `http_${status}` });
}

/** The file name of a `content-disposition: attachment; filename="…"` header, if any. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}

export type ApiFile = { blob: Blob; fileName: string | null };

async function requestFile(path: string, options: RequestOptions = {}): Promise<ApiFile> {
  const response = await send('GET', path, options, '*/*');
  if (!response.ok) throw failure(path, response.status, parseJson(await response.text()));
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

async function request<S extends z.ZodType | null>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<S extends z.ZodType ? z.output<S> : undefined> {
  const response = await send(method, path, options, 'application/json');
  const json = parseJson(await response.text());
  if (!response.ok) throw failure(path, response.status, json);
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
  put: <S extends z.ZodType | null>(path: string, schema: S, body: unknown, options?: RequestOptions) =>
    request('PUT', path, schema, { ...options, body }),
  patch: <S extends z.ZodType | null>(path: string, schema: S, body: unknown, options?: RequestOptions) =>
    request('PATCH', path, schema, { ...options, body }),
  delete: <S extends z.ZodType | null>(path: string, schema: S, options?: RequestOptions) =>
    request('DELETE', path, schema, options),
  /** A file the API makes (a document, a workbook): its bytes and the name the server gives it. */
  file: (path: string, options?: RequestOptions) => requestFile(path, options),
};
