import { z } from 'zod';
import { isMessageKey, type MessageKey, messages } from './messages';

export const FieldError = z.object({
  path: z.string().meta({ description: 'Dotted path of the field, e.g. "validFrom"' }),
  message: z.string().meta({ description: 'Vietnamese message' }),
  messageEn: z.string().meta({ description: 'English message' }),
});
export type FieldError = z.infer<typeof FieldError>;

export const ErrorResponse = z
  .object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    fields: z.array(FieldError).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
  input?: unknown;
};

const typeNames: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  date: 'ngày',
  bigint: 'số nguyên',
};

function describeIssue(issue: Issue): { vi: string; en: string } {
  if (isMessageKey(issue.message)) return messages[issue.message];
  switch (issue.code) {
    case 'invalid_type':
      // Without reportInput zod leaves the input out; its own message still says what it got.
      if ('input' in issue ? issue.input === undefined : /received undefined/.test(issue.message)) {
        return { vi: 'Bắt buộc nhập', en: 'Required' };
      }
      return {
        vi: `Sai kiểu dữ liệu, cần ${typeNames[issue.expected ?? ''] ?? issue.expected ?? 'giá trị khác'}`,
        en: `Wrong type, expected ${issue.expected ?? 'another value'}`,
      };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return { vi: 'Không được để trống', en: 'Must not be empty' };
      }
      return issue.origin === 'string'
        ? { vi: `Cần ít nhất ${issue.minimum} ký tự`, en: `At least ${issue.minimum} characters` }
        : issue.inclusive === false
          ? { vi: `Giá trị phải lớn hơn ${issue.minimum}`, en: `Must be greater than ${issue.minimum}` }
          : { vi: `Giá trị tối thiểu là ${issue.minimum}`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { vi: `Tối đa ${issue.maximum} ký tự`, en: `At most ${issue.maximum} characters` }
        : issue.inclusive === false
          ? { vi: `Giá trị phải nhỏ hơn ${issue.maximum}`, en: `Must be less than ${issue.maximum}` }
          : { vi: `Giá trị tối đa là ${issue.maximum}`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_value':
      return {
        vi: `Giá trị phải là một trong: ${(issue.values ?? []).join(', ')}`,
        en: `Must be one of: ${(issue.values ?? []).join(', ')}`,
      };
    case 'invalid_format':
      return { vi: 'Sai định dạng', en: 'Invalid format' };
    case 'unrecognized_keys':
      return {
        vi: `Trường không được hỗ trợ: ${(issue.keys ?? []).join(', ')}`,
        en: `Unsupported fields: ${(issue.keys ?? []).join(', ')}`,
      };
    default:
      return { vi: 'Giá trị không hợp lệ', en: 'Invalid value' };
  }
}

/** Turns zod issues into field errors with a Vietnamese and an English message, the first one per field. */
export function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  const fields = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (fields.has(path)) continue;
    const text = describeIssue(issue);
    fields.set(path, { path, message: text.vi, messageEn: text.en });
  }
  return [...fields.values()];
}

/** Builds the body of an error answer from a message key. */
export function errorBody(code: string, key: MessageKey, extra: Partial<ErrorResponse> = {}): ErrorResponse {
  return { code, message: messages[key].vi, messageEn: messages[key].en, ...extra };
}
