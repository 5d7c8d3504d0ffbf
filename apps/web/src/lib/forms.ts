import { type FieldError, toFieldErrors } from '@doanket/domain';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError, type Lang } from './api';

export type Validated<T> = { ok: true; data: T } | { ok: false; fields: FieldError[] };

/** Checks form values with the endpoint's own contract before anything is sent. */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: toFieldErrors(result.error.issues) };
}

/** Maps an API field path ("grants.0.role") to the name of a form field, or null. */
export type FieldMap = (path: string) => string | null;

/** The form's field names, matched on the first segment of the path. */
export function fieldsNamed(...names: string[]): FieldMap {
  return (path) => {
    const head = path.split('.')[0] ?? '';
    return names.includes(head) ? head : null;
  };
}

/** Shows field errors on the antd form fields they name; returns those that match no field. */
export function showFieldErrors(
  form: FormInstance,
  fields: readonly FieldError[],
  lang: Lang,
  map: FieldMap,
): FieldError[] {
  const rest: FieldError[] = [];
  const byName = new Map<string, string[]>();
  for (const field of fields) {
    const name = map(field.path);
    if (!name) {
      rest.push(field);
      continue;
    }
    byName.set(name, [...(byName.get(name) ?? []), lang === 'en' ? field.messageEn : field.message]);
  }
  form.setFields([...byName].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/** Puts an API error's field messages on the form; true when at least one field got a message. */
export function showApiFieldErrors(form: FormInstance, error: unknown, lang: Lang, map: FieldMap): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const rest = showFieldErrors(form, error.fields, lang, map);
  return rest.length < error.fields.length;
}
