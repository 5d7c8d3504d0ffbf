import { Unit } from '@doanket/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, setUnauthorizedHandler } from './api';

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('builds URLs under /api and leaves out empty query values', () => {
    expect(buildUrl('/units', { at: '2024-01-01', parent: null, q: '' })).toBe('/api/units?at=2024-01-01');
    expect(buildUrl('/units/search', { q: 'bac tu liem' })).toBe('/api/units/search?q=bac+tu+liem');
  });

  it('parses an error body into an ApiError in both languages, with field errors', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        code: 'validation_error',
        message: 'Dữ liệu không hợp lệ',
        messageEn: 'Invalid input',
        fields: [{ path: 'name', message: 'Tên không được để trống', messageEn: 'Name must not be blank' }],
        requestId: 'req-1',
      }),
    );
    const error = await api.post('/units', Unit, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.text('vi')).toBe('Dữ liệu không hợp lệ');
    expect(apiError.text('en')).toBe('Invalid input');
    expect(apiError.fields[0]?.path).toBe('name');
    expect(apiError.requestId).toBe('req-1');
  });

  it('reports an ended session, except for the login call itself', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const body = { code: 'unauthorized', message: 'Cần đăng nhập', messageEn: 'Login required' };
    vi.stubGlobal('fetch', answer(401, body));
    await expect(api.get('/units', Unit)).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.post('/auth/login', Unit, {})).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('checks answers against the contract and sends JSON with the session cookie', async () => {
    const fetchMock = answer(200, { code: '01' });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.get('/units/01', Unit)).rejects.toMatchObject({ code: 'bad_response' });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.credentials).toBe('same-origin');

    vi.stubGlobal('fetch', answer(204, undefined));
    await expect(api.post('/auth/logout', null)).resolves.toBeUndefined();
  });
});
