import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldErrors } from './errors';
import { IsoDate, NonBlankName } from './schemas';

describe('toFieldErrors', () => {
  it('gives Vietnamese and English messages for each field', () => {
    const schema = z.object({ at: IsoDate, name: NonBlankName, count: z.number().int().min(1) });
    const result = schema.safeParse({ at: '2025-02-30', name: '   ', count: 0 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = toFieldErrors(result.error.issues);
    expect(fields).toEqual([
      {
        path: 'at',
        message: 'Ngày không hợp lệ, cần dạng YYYY-MM-DD',
        messageEn: 'Invalid date, expected YYYY-MM-DD',
      },
      { path: 'name', message: 'Tên không được để trống', messageEn: 'Name must not be blank' },
      { path: 'count', message: 'Giá trị tối thiểu là 1', messageEn: 'Must be at least 1' },
    ]);
  });

  it('names types in Vietnamese and tells exclusive bounds', () => {
    const result = z
      .object({ id: z.number().positive(), tags: z.array(z.string()) })
      .safeParse({ id: -1, tags: 'x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues)).toEqual([
      { path: 'id', message: 'Giá trị phải lớn hơn 0', messageEn: 'Must be greater than 0' },
      { path: 'tags', message: 'Sai kiểu dữ liệu, cần danh sách', messageEn: 'Wrong type, expected array' },
    ]);
  });

  it('says a missing field is required', () => {
    const result = z.object({ username: z.string() }).safeParse({});
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error.issues)[0]).toMatchObject({
      path: 'username',
      message: 'Bắt buộc nhập',
    });
  });
});
