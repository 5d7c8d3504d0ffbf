import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChildDatabaseEnv } from '../test/harness';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'node_modules/.bin/doanket');

type Result = { code: number; stdout: string; stderr: string };
async function doanket(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(bin, args, {
      cwd: repoRoot,
      env: { ...process.env, DOANKET_DEMO: '0', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npx doanket', () => {
  it('has help on every level', async () => {
    for (const args of [
      ['--help'],
      ['units', '--help'],
      ['units', 'import', '--help'],
      ['users', 'add', '--help'],
      ['serve', '--help'],
    ]) {
      const result = await doanket(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: doanket/);
    }
    expect((await doanket(['units', 'import', '--help'])).stdout).toContain('--three-level');
  });

  describe('units import', () => {
    let dir: string;
    let database: Awaited<ReturnType<typeof createChildDatabaseEnv>>;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-cli-'));
      database = await createChildDatabaseEnv(path.join(dir, 'data'));
      fs.writeFileSync(
        path.join(dir, 'old.json'),
        JSON.stringify([
          {
            Code: '01',
            FullName: 'Thành phố Hà Nội',
            District: [
              {
                Code: '021',
                FullName: 'Quận Bắc Từ Liêm',
                Ward: [
                  { Code: '00610', FullName: 'Phường Xuân Đỉnh' },
                  { Code: '00611', FullName: 'Phường Xuân Tảo' },
                ],
              },
            ],
          },
        ]),
      );
      fs.writeFileSync(
        path.join(dir, 'new.json'),
        `\uFEFF${JSON.stringify([{ Code: '01', FullName: 'Thành phố Hà Nội', Wards: [{ Code: '00611', FullName: 'Phường Xuân Đỉnh' }] }])}`,
      );
      fs.writeFileSync(
        path.join(dir, 'merges.json'),
        JSON.stringify({
          data: [
            {
              level1_id: '01',
              name: 'Thành phố Hà Nội',
              merges: [{ old_id: '01', name: 'Thành phố Hà Nội', type: 'full' }],
              level2s: [
                {
                  level2_id: '00611',
                  name: 'Phường Xuân Đỉnh',
                  merges: [
                    { old_id: '00610', name: 'Phường Xuân Đỉnh', type: 'partial' },
                    { old_id: '00611', name: 'Phường Xuân Tảo', type: 'partial' },
                    { old_id: '00999', name: 'Phường Không Có', type: 'partial' },
                  ],
                },
              ],
            },
          ],
        }),
      );
    });
    afterAll(async () => {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('loads the lists, reports what it cannot reconcile, and changes nothing on a second run', async () => {
      const args = [
        'units',
        'import',
        '--three-level',
        'old.json',
        '--two-level',
        'new.json',
        '--merges',
        'merges.json',
      ];
      const abs = args.map((arg) => (arg.endsWith('.json') ? path.join(dir, arg) : arg));
      const first = await doanket(abs, database.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/Xã, phường cũ \/ old wards\s+thêm 2, sửa 0, giữ nguyên 0/);
      expect(first.stdout).toMatch(/Liên kết \/ lineage links\s+thêm 2, sửa 0, giữ nguyên 0, bỏ qua 1/);
      expect(first.stdout).toContain('00999 Phường Không Có');
      const second = await doanket([...abs, '--report', path.join(dir, 'report.json')], database.env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/Xã, phường cũ \/ old wards\s+thêm 0, sửa 0, giữ nguyên 2/);
      expect(second.stdout).toMatch(/Liên kết \/ lineage links\s+thêm 0, sửa 0, giữ nguyên 2/);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'unknown_predecessor', code: '00999' }),
      ]);
    });

    it('refuses a file that is not a list, with a clear message and nothing written', async () => {
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify([{ Code: '01', Name: 'thiếu FullName' }]));
      const bad = await doanket(
        ['units', 'import', '--three-level', path.join(dir, 'bad.json')],
        database.env,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('không đúng định dạng danh mục 3 cấp');
      expect(bad.stderr).toContain('0.FullName');
      const garbage = await doanket(
        ['units', 'import', '--merges', path.join(dir, 'missing.json')],
        database.env,
      );
      expect(garbage.code).toBe(1);
      expect(garbage.stderr).toContain('Không đọc được');
    });
  });
});
