import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReformedTree, buildViewer, login } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { groupHouseholds, inspectHouseholdFile, readHouseholdRows } from './households-file';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/households/template', () => {
  it('gives a signed-in user the template, which the importer reads back without an error', async () => {
    expect((await t.call('GET', '/api/households/template')).statusCode).toBe(401);
    const tree = await buildReformedTree(t.db);
    const cookie = await login(t.app, await buildViewer(t.db, tree.wardA));
    const response = await t.call('GET', '/api/households/template', { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mau-nhap-ho-gia-dinh.xlsx"');
    const file = { source: response.rawPayload, fileName: 'mau-nhap-ho-gia-dinh.xlsx' };
    const inspection = await inspectHouseholdFile(file);
    expect(inspection.ok).toBe(true);
    if (!inspection.ok) return;
    expect(inspection.missing).toEqual([]);
    const grouped = await groupHouseholds(readHouseholdRows(file, { mapping: inspection.mapping }));
    expect(grouped.errorReport).toEqual([]);
    expect(grouped.valid.map((household) => household.code)).toEqual(['HK001', 'HK002']);
  });
});
