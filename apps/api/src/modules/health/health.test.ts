import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-web-'));
  fs.writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html lang="vi"><title>Đoàn Kết</title></html>',
  );
  t = await createTestApp({ webDist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('the server around the API', () => {
  it('publishes the OpenAPI document generated from the contracts, and its viewer', async () => {
    const document = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(document.statusCode).toBe(200);
    const openapi = document.json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/units',
        '/api/units/{code}/lineage',
        '/api/audit',
      ]),
    );
    const listUnits = openapi.paths['/api/units'].get;
    expect(listUnits.parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      'at',
      'parent',
    ]);
    expect(Object.keys(openapi.components.schemas)).toEqual(
      expect.arrayContaining(['Unit', 'ErrorResponse', 'Lineage']),
    );
    const viewer = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.headers['content-type']).toContain('text/html');
  });

  it('serves the web app for client-side pages and JSON 404s under /api', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/units/00610?at=2024-01-01' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đoàn Kết');
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      code: 'not_found',
      message: 'Không tìm thấy',
      messageEn: 'Not found',
    });
  });

  it('tags every answer with a request id, keeping one the caller sends', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
