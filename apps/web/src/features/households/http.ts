import { ErrorResponse } from '@doanket/domain';
import type { z } from 'zod';
import { ApiError, buildUrl } from '../../lib/api';

type Query = Record<string, string | number | boolean | null | undefined>;

// The shared client sends JSON with GET/POST/PATCH/DELETE; files and PUT go through here with the same errors.
async function send<S extends z.ZodType>(
  method: 'PUT' | 'POST',
  path: string,
  schema: S,
  body: FormData | string,
  query?: Query,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      code: 'network',
      message: 'Không kết nối được máy chủ',
      messageEn: 'Cannot reach the server',
    });
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = ErrorResponse.safeParse(json);
    throw new ApiError(
      response.status,
      error.success
        ? error.data
        : {
            code: `http_${response.status}`,
            message: 'Máy chủ trả lời không đúng định dạng',
            messageEn: 'The server answered in an unexpected shape',
          },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, {
      code: 'bad_response',
      message: 'Máy chủ trả lời không đúng định dạng',
      messageEn: 'The server answered in an unexpected shape',
    });
  }
  return parsed.data;
}

export function putJson<S extends z.ZodType>(path: string, schema: S, body: unknown): Promise<z.output<S>> {
  return send('PUT', path, schema, JSON.stringify(body));
}

/** A multipart POST: a file and text fields. */
export function postForm<S extends z.ZodType>(
  path: string,
  schema: S,
  form: FormData,
  query?: Query,
): Promise<z.output<S>> {
  return send('POST', path, schema, form, query);
}
