import { Unit } from '@doanket/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, fileNameOf, setUnauthorizedHandler } from './api';

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

  it('sends PUT with a JSON body and checks the answer', async () => {
    const fetchMock = answer(200, { code: '01' });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.put('/units/01', Unit, { name: 'x' })).rejects.toMatchObject({ code: 'bad_response' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/units/01');
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"name":"x"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');

    vi.stubGlobal(
      'fetch',
      answer(403, { code: 'forbidden', message: 'Không có quyền', messageEn: 'Forbidden' }),
    );
    const error = await api.put('/units/01', null, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).text('vi')).toBe('Không có quyền');
  });

  it('fetches a file with the name the server gives it, or the API’s error in both languages', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
            status: 200,
            headers: { 'content-disposition': 'attachment; filename="bao-cao-021-2021.pdf"' },
          }),
      ),
    );
    const file = await api.file('/reports/annual', { query: { unit: '021', year: 2021 } });
    expect(file.fileName).toBe('bao-cao-021-2021.pdf');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));

    vi.stubGlobal(
      'fetch',
      answer(400, {
        code: 'reports.unit_not_in_year',
        message: 'Đơn vị chưa có',
        messageEn: 'No such unit then',
      }),
    );
    const error = await api.file('/reports/annual').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).text('vi')).toBe('Đơn vị chưa có');
    expect((error as ApiError).text('en')).toBe('No such unit then');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>proxy error</html>', { status: 502 })),
    );
    await expect(api.file('/reports/annual')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reads the file name of a content-disposition header', () => {
    expect(fileNameOf('attachment; filename="a b.docx"')).toBe('a b.docx');
    expect(fileNameOf("attachment; filename*=UTF-8''b%C3%A1o-c%C3%A1o.pdf")).toBe('báo-cáo.pdf');
    expect(fileNameOf('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
    expect(fileNameOf('inline')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
