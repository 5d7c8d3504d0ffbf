import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Starts `doanket serve`, waits for the health check, and returns what it printed so far. */
async function serve(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(bin, ['serve'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${output}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (waited > 90_000) throw new Error(`no health after 90 s: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const login = (username: string, password: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.status);
  return { output: () => output, stop, login };
}

describe('npx doanket households', () => {
  it('writes the template, checks a file with its rows per second, and writes the error report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-households-'));
    try {
      const template = path.join(dir, 'mau.xlsx');
      expect((await doanket(['households', 'template', '--out', template])).code).toBe(0);
      const good = await doanket(['households', 'check', template]);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toMatch(/5 dòng \/ rows: 2 hộ hợp lệ \(5 người\)/);
      expect(good.stdout).toMatch(/\d+ dòng\/giây \/ rows per second/);

      const csv = path.join(dir, 'ho.csv');
      fs.writeFileSync(
        csv,
        '\uFEFFMã hộ,Họ và tên,Quan hệ với chủ hộ,Ngày sinh\n' +
          'H1,Nguyễn Văn An,Chủ hộ,01/02/1970\n' +
          'H2,Trần Thị Bình,Chủ hộ,31/02/1980\n',
      );
      const report = path.join(dir, 'loi.csv');
      const mixed = await doanket(['households', 'check', csv, '--report', report]);
      expect(mixed.code, mixed.stderr).toBe(0);
      expect(mixed.stdout).toContain('2 dòng / rows: 1 hộ hợp lệ (1 người) / valid households, 1 hộ có lỗi');
      const lines = fs.readFileSync(report, 'utf8').split('\r\n');
      expect(lines[0]).toBe('\uFEFFDòng,Cột,Lý do');
      expect(lines[1]).toMatch(/^3,Ngày sinh,/);

      fs.writeFileSync(csv, '\uFEFFMã hộ,Họ và tên,Quan hệ với chủ hộ\nH2,Trần Thị Bình,Vợ\n');
      const none = await doanket(['households', 'check', csv]);
      expect(none.code).toBe(1);
      fs.writeFileSync(csv, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      const xls = await doanket(['households', 'check', csv]);
      expect(xls.code).toBe(1);
      expect(xls.stderr).toContain('.xlsx');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npx doanket serve', () => {
  it('seeds the demo once with a generated password printed once, and starts empty with DOANKET_DEMO=0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-serve-'));
    const demo = await createChildDatabaseEnv(path.join(dir, 'demo'));
    const empty = await createChildDatabaseEnv(path.join(dir, 'empty'));
    try {
      const first = await serve({ ...demo.env, DOANKET_DEMO: '1', DOANKET_DEMO_PASSWORD: '' });
      const printed = /demo password \(shown once\): (\S+)/.exec(first.output());
      expect(printed, first.output()).not.toBeNull();
      expect(await first.login('btl', printed![1]!)).toBe(200);
      expect(await first.login('btl', 'not-the-password')).toBe(401);
      await first.stop();
      if (demo.env.DATA_DIR) {
        // The key of sensitive personal data is made on the first start of an embedded database.
        const keyFile = path.join(demo.env.DATA_DIR, 'data-key');
        expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
        const key = fs.readFileSync(keyFile, 'utf8');
        const restarted = await serve({ ...demo.env, DOANKET_DEMO: '1', DOANKET_DEMO_PASSWORD: '' });
        await restarted.stop();
        expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
      }
      const again = await serve({ ...demo.env, DOANKET_DEMO: '1', DOANKET_DEMO_PASSWORD: '' });
      expect(again.output()).not.toContain('demo password');
      expect(await again.login('admin', printed![1]!)).toBe(200);
      await again.stop();

      const bare = await serve({ ...empty.env, DOANKET_DEMO: '0' });
      expect(bare.output()).not.toContain('Demo district seeded');
      expect(await bare.login('admin', printed![1]!)).toBe(401);
      await bare.stop();
    } finally {
      await demo.drop();
      await empty.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
