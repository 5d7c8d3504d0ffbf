import { readFileSync } from 'node:fs';
import path from 'node:path';
import { todayInVietnam } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/harness';
import { migrationsFolder, queryRows } from '../../db/client';
import { createSealer } from '../../lib/crypto';
import { seedDemo } from '../../seed/demo';

let t: TestApp;
const password = 'demo-password-for-tests';
let btl: string;
let planId: string;

const decode = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** The text of a DOCX body, paragraph by paragraph. */
function docxText(body: Buffer): string {
  const document = strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']!);
  return [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((paragraph) =>
      decode([...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    )
    .join('\n');
}

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

const report = (format: string, query = 'unit=021&year=2021') =>
  t.call('GET', `/api/reports/annual?${query}&format=${format}`, { cookie: btl });

const layoutAndFigures = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM',
  'QUẬN BẮC TỪ LIÊM',
  'Bắc Từ Liêm, ngày 10 tháng 01 năm 2022',
  'Tổng kết công tác Mặt trận năm 2021 và phương hướng, nhiệm vụ năm 2022',
  '183 tổ',
  '2.062 thành viên',
  '1.181 nhóm',
  '3.007 thành viên',
  '82.337 hộ',
  '157%',
  '902 lượt',
];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, password, { sealer: createSealer(Buffer.alloc(32, 21)), register: true });
  btl = await login(t.app, { id: '', username: 'btl', password });
  const existing = await t.call('GET', '/api/plans?unit=021&year=2021', { cookie: btl });
  const own = existing.json().items.find((plan: { isOwn: boolean }) => plan.isOwn);
  if (own) {
    planId = own.id;
  } else {
    const created = await t.call('POST', '/api/plans', {
      cookie: btl,
      payload: {
        unitCode: '021',
        year: 2021,
        title: 'Chỉ tiêu công tác Mặt trận năm 2021',
        indicators: [{ key: 'cultural_families' }, { key: 'fund_targets' }, { key: 'tet_gift_coverage' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
  }
}, 400_000);
afterAll(() => t?.close());

describe('the year-end report of the demo district for 2021', () => {
  it('is a DOCX with the official layout and the figures of the data', async () => {
    const response = await report('docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('bao-cao-tong-ket-021-2021.docx');
    const text = docxText(response.rawPayload);
    for (const expected of layoutAndFigures) expect(text).toContain(expected);
    expect(text).toContain('Số:');
    expect(text).toContain('/BC-MTTQ');
    expect(text).toContain('TM. BAN THƯỜNG TRỰC');
  });

  it('shows the plan’s indicators evaluated from the data in the table', async () => {
    const evaluation = await t.call('GET', `/api/plans/${planId}/evaluation?unit=021`, { cookie: btl });
    expect(evaluation.statusCode, evaluation.body).toBe(200);
    const items = evaluation.json().items as Array<{ name: string; target: string; valueText: string }>;
    expect(items.length).toBeGreaterThan(0);
    const text = docxText((await report('docx')).rawPayload);
    for (const item of items) {
      expect(text).toContain(item.name);
      expect(text).toContain(item.target);
      expect(text).toContain(item.valueText);
    }
  });

  it('is a PDF whose text reads the same, and an XLSX annex; the whole report in under 3 s', async () => {
    await report('pdf'); // the first PDF parses the fonts
    const timed = async (format: string) => {
      const started = performance.now();
      const response = await report(format);
      return { response, ms: Math.round(performance.now() - started) };
    };
    const [docx, pdf, xlsx] = [await timed('docx'), await timed('pdf'), await timed('xlsx')];
    console.info(
      `year-end report of 021/2021 on ${t.kind}: docx ${docx.ms} ms, pdf ${pdf.ms} ms, xlsx ${xlsx.ms} ms`,
    );
    for (const run of [docx, pdf, xlsx]) expect(run.ms).toBeLessThan(3000);
    expect(pdf.response.statusCode).toBe(200);
    expect(pdf.response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.response.rawPayload)).replace(/\s+/g, ' ');
    for (const expected of layoutAndFigures) expect(text).toContain(expected);
    expect(docx.response.statusCode).toBe(200);
    expect(xlsx.response.statusCode).toBe(200);
    expect(xlsx.response.headers['content-disposition']).toContain('bao-cao-tong-ket-021-2021.xlsx');
    expect(xlsx.response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the narrative people write, while the figures still come from the data', async () => {
    const before = await t.call('GET', '/api/reports/annual/narrative?unit=021&year=2021', { cookie: btl });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      saved: false,
      date: '2022-01-10',
      savedSections: [],
      canEdit: true,
    });
    expect(before.json().sections.self_governance[0]).toContain('183 tổ');

    const paragraph = 'Các tổ tự quản đã phát huy tốt vai trò trong phòng, chống dịch tại cộng đồng dân cư.';
    const saved = await t.call('PUT', '/api/reports/annual/narrative', {
      cookie: btl,
      payload: {
        unitCode: '021',
        year: 2021,
        number: 'Số: 15/BC-MTTQ',
        signatoryName: 'Nguyễn Văn Thử',
        sections: {
          self_governance: [paragraph],
          next_year: ['Tiếp tục thực hiện tốt các chỉ tiêu năm 2022.'],
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      saved: true,
      number: 'Số: 15/BC-MTTQ',
      signatoryName: 'Nguyễn Văn Thử',
    });
    expect(saved.json().savedSections.sort()).toEqual(['next_year', 'self_governance']);
    // A section not sent stays the default sentences, written from the figures.
    expect(saved.json().sections.funds).toEqual(before.json().sections.funds);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'report_narrative'`,
    );
    expect(audit[0]?.n).toBe(1);

    const text = docxText((await report('docx')).rawPayload);
    expect(text).toContain(paragraph);
    expect(text).toContain('Số: 15/BC-MTTQ');
    expect(text).toContain('Nguyễn Văn Thử');
    expect(text).toContain('Tiếp tục thực hiện tốt các chỉ tiêu năm 2022.');
    expect(text).toContain('183 tổ');

    // A team ended in mid-2021 is no longer counted at the year's end: the figure follows the data.
    const [team] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT id::text AS id FROM self_governing_teams
          WHERE kind = 'team' AND valid_from < '2021-06-30' AND (valid_to IS NULL OR valid_to > '2021-12-31')
          LIMIT 1`,
    );
    await t.db.execute(sql`UPDATE self_governing_teams SET valid_to = '2021-06-30' WHERE id = ${team!.id}`);
    const changed = docxText((await report('docx')).rawPayload);
    expect(changed).toMatch(/Tổ tự quản\n182 tổ\n/);
    expect(text).toMatch(/Tổ tự quản\n183 tổ\n/);
    expect(changed).toContain(paragraph);
  });

  it('refuses bad input clearly and saves nothing', async () => {
    expect((await report('odt')).statusCode).toBe(400);
    expect((await report('docx', 'unit=021&year=abc')).statusCode).toBe(400);
    expect((await report('docx', 'unit=99999&year=2021')).statusCode).toBe(404);
    const gone = await report('docx', 'unit=021&year=2030');
    expect(gone.statusCode).toBe(400);
    expect(gone.json().messageEn ?? gone.body).toBeTruthy();

    const officer = await login(t.app, { id: '', username: 'xuandinh', password });
    const refused = await t.call('PUT', '/api/reports/annual/narrative', {
      cookie: officer,
      payload: { unitCode: '021', year: 2021, sections: { funds: ['Không được lưu.'] } },
    });
    expect(refused.statusCode).toBe(403);
    // The district's treasurer reads its report and is told she may not save it.
    const treasurer = await login(t.app, { id: '', username: 'ketoan', password });
    const read = await t.call('GET', '/api/reports/annual/narrative?unit=021&year=2021', {
      cookie: treasurer,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().canEdit).toBe(false);
    const unknownSection = await t.call('PUT', '/api/reports/annual/narrative', {
      cookie: btl,
      payload: { unitCode: '021', year: 2021, sections: { figures: ['183'] } },
    });
    expect(unknownSection.statusCode).toBe(400);
    const narrative = await t.call('GET', '/api/reports/annual/narrative?unit=021&year=2021', {
      cookie: btl,
    });
    expect(narrative.json().sections.funds.join(' ')).not.toContain('Không được lưu.');
  });
});

describe('the date line and the signatory of the narrative', () => {
  const narrativeRow = async () =>
    (
      await queryRows<{ document_date: string | null; signatory_name: string | null; keys: string[] }>(
        t.db,
        sql`SELECT document_date::text AS document_date, signatory_name,
                   ARRAY(SELECT jsonb_object_keys(sections)) AS keys
            FROM report_narratives n JOIN unit_versions v ON v.unit_id = n.unit_id
            WHERE v.code = '021' AND n.year = 2021 LIMIT 1`,
      )
    )[0];
  const auditCount = async () =>
    (
      await queryRows<{ n: number }>(
        t.db,
        sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'report_narrative'`,
      )
    )[0]?.n ?? 0;
  const save = (payload: Record<string, unknown>) =>
    t.call('PUT', '/api/reports/annual/narrative', {
      cookie: btl,
      payload: { unitCode: '021', year: 2021, ...payload },
    });

  it('are saved in their own columns, read back and printed on the document', async () => {
    const audits = await auditCount();
    const saved = await save({
      date: '2022-01-14',
      signatoryName: 'Trần Thị Ký',
      sections: { funds: ['Quỹ được vận động công khai, minh bạch.'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, date: '2022-01-14', signatoryName: 'Trần Thị Ký' });
    expect(Object.keys(saved.json())).toEqual([
      'unitCode',
      'unitName',
      'year',
      'saved',
      'number',
      'date',
      'signatoryName',
      'sections',
      'savedSections',
      'canEdit',
      'updatedAt',
    ]);
    const row = await narrativeRow();
    expect(row).toMatchObject({ document_date: '2022-01-14', signatory_name: 'Trần Thị Ký' });
    expect(row?.keys).toEqual(['funds']);
    expect(await auditCount()).toBe(audits + 1);
    const [audit] = await queryRows<{ after: Record<string, unknown> }>(
      t.db,
      sql`SELECT after FROM audit_events WHERE entity_type = 'report_narrative' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.after).toMatchObject({ date: '2022-01-14', signatory: true, signatoryChanged: true });
    expect(JSON.stringify(audit?.after)).not.toContain('Trần Thị Ký');

    const text = docxText((await report('docx')).rawPayload);
    expect(text).toContain('Bắc Từ Liêm, ngày 14 tháng 01 năm 2022');
    expect(text).toContain('Trần Thị Ký');
    const pdf = (await pdfText((await report('pdf')).rawPayload)).replace(/\s+/g, ' ');
    expect(pdf).toContain('Bắc Từ Liêm, ngày 14 tháng 01 năm 2022');
    expect(pdf).toContain('Trần Thị Ký');

    // Emptied, they go back to the defaults.
    const cleared = await save({ date: null, signatoryName: '  ', sections: {} });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ date: '2022-01-10', signatoryName: '' });
    expect(await narrativeRow()).toMatchObject({ document_date: null, signatory_name: null });
  });

  it('move out of the sections of a narrative saved before the columns existed', async () => {
    await save({ date: null, signatoryName: null, sections: {} });
    await t.db.execute(
      sql`UPDATE report_narratives n SET sections = jsonb_build_object(
            'funds', jsonb_build_array('Đoạn cũ.'), '@date', jsonb_build_array('2022-01-12'),
            '@signatory', jsonb_build_array('Lê Văn Cũ'))
          FROM unit_versions v WHERE v.unit_id = n.unit_id AND v.code = '021' AND n.year = 2021`,
    );
    const migration = readFileSync(
      path.join(migrationsFolder, '20261130094655_report_narrative_columns.sql'),
      'utf8',
    );
    const move = migration.split('--> statement-breakpoint').at(-1)!;
    expect(move).toContain('UPDATE "report_narratives"');
    await t.db.execute(sql.raw(move));
    const row = await narrativeRow();
    expect(row).toMatchObject({ document_date: '2022-01-12', signatory_name: 'Lê Văn Cũ' });
    expect(row?.keys).toEqual(['funds']);
    const read = await t.call('GET', '/api/reports/annual/narrative?unit=021&year=2021', { cookie: btl });
    expect(read.json()).toMatchObject({ date: '2022-01-12', signatoryName: 'Lê Văn Cũ' });
    expect(read.json().sections.funds).toEqual(['Đoạn cũ.']);
  });

  it('refuse a bad date, a year after next year and texts too long, with field errors, saving nothing', async () => {
    const stored = await save({
      date: '2022-01-11',
      signatoryName: 'Phạm Văn Đúng',
      sections: { funds: ['Đoạn đã lưu.'] },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    const before = await narrativeRow();
    const audits = await auditCount();
    const nextYear = Number(todayInVietnam().slice(0, 4)) + 1;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ date: 'ngày 10/01/2022' }, 'date'],
      [{ date: '2022-02-30' }, 'date'],
      [{ date: '2020-12-31' }, 'date'],
      [{ date: '2023-01-10' }, 'date'],
      [{ year: nextYear + 1 }, 'year'],
      [{ year: nextYear + 1, date: `${nextYear + 1}-01-10` }, 'year'],
      [{ signatoryName: 'Nguyễn '.repeat(20) }, 'signatoryName'],
      [{ signatoryName: 'Nguyễn Văn\nHai Dòng' }, 'signatoryName'],
      [{ number: `Số: ${'1'.repeat(60)}/BC-MTTQ` }, 'number'],
      [{ sections: { funds: ['x'.repeat(5001)] } }, 'sections.funds.0'],
      [{ sections: { funds: Array.from({ length: 51 }, () => 'Đoạn.') } }, 'sections.funds'],
    ];
    for (const [payload, field] of cases) {
      const response = await save({ sections: { funds: ['Không được lưu.'] }, ...payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const fields = response.json().fields as Array<{ path: string; message: string; messageEn: string }>;
      const error = fields.find((row) => row.path === field);
      expect(error, `${JSON.stringify(payload)} → ${response.body}`).toBeDefined();
      expect(error?.message).toBeTruthy();
      expect(error?.messageEn).toBeTruthy();
      expect(error?.message).not.toBe(error?.messageEn);
    }
    expect(await narrativeRow()).toEqual(before);
    expect(await auditCount()).toBe(audits);
    const read = await t.call('GET', '/api/reports/annual/narrative?unit=021&year=2021', { cookie: btl });
    expect(read.json()).toMatchObject({ date: '2022-01-11', signatoryName: 'Phạm Văn Đúng' });
    expect(read.json().sections.funds).toEqual(['Đoạn đã lưu.']);
  });
});
