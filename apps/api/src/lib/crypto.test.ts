import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealer, DataKeyError, loadDataKey } from './crypto';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanket-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data key', () => {
  it('is created once, readable by the owner only, on the first start of an embedded database', () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = loadDataKey({ dataKeyEnv: null, dataDir, databaseUrl: null });
    const second = loadDataKey({ dataKeyEnv: null, dataDir, databaseUrl: null });
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'data-key')).mode & 0o777).toBe(0o600);
  });

  it('comes from DOANKET_DATA_KEY when set, as base64 or hex', () => {
    const key = Buffer.alloc(32, 7);
    const dataDir = tempDir();
    expect(loadDataKey({ dataKeyEnv: key.toString('base64'), dataDir, databaseUrl: null }).equals(key)).toBe(
      true,
    );
    expect(
      loadDataKey({ dataKeyEnv: key.toString('hex'), dataDir, databaseUrl: 'postgres://x' }).equals(key),
    ).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'data-key'))).toBe(false);
  });

  it('must be given with PostgreSQL, and must be 32 bytes', () => {
    expect(() => loadDataKey({ dataKeyEnv: null, dataDir: tempDir(), databaseUrl: 'postgres://x' })).toThrow(
      /DOANKET_DATA_KEY is required with DATABASE_URL/,
    );
    expect(() => loadDataKey({ dataKeyEnv: 'c2hvcnQ=', dataDir: tempDir(), databaseUrl: null })).toThrow(
      DataKeyError,
    );
  });
});

describe('sealing', () => {
  const sealer = createSealer(Buffer.alloc(32, 1));

  it('round-trips and never repeats a ciphertext', () => {
    const a = sealer.seal('001234567845', 'person:1:citizen_id');
    const b = sealer.seal('001234567845', 'person:1:citizen_id');
    expect(a).not.toBe(b);
    expect(a).not.toContain('001234567845');
    expect(sealer.open(a, 'person:1:citizen_id')).toBe('001234567845');
    expect(sealer.open(sealer.seal('Khuyết tật vận động', 'p:2:disability'), 'p:2:disability')).toBe(
      'Khuyết tật vận động',
    );
  });

  it('refuses a value moved to another place, altered, or sealed with another key', () => {
    const sealed = sealer.seal('001234567845', 'person:1:citizen_id');
    expect(() => sealer.open(sealed, 'person:2:citizen_id')).toThrow();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64');
    expect(() => sealer.open(parts.join(':'), 'person:1:citizen_id')).toThrow();
    expect(() => createSealer(Buffer.alloc(32, 2)).open(sealed, 'person:1:citizen_id')).toThrow(
      /another data key/,
    );
  });

  it('finds equal values by a keyed hash that does not reveal them', () => {
    expect(sealer.lookupHash('001234567845')).toBe(sealer.lookupHash('001234567845'));
    expect(sealer.lookupHash('001234567845')).not.toBe(sealer.lookupHash('001234567846'));
    expect(createSealer(Buffer.alloc(32, 2)).lookupHash('001234567845')).not.toBe(
      sealer.lookupHash('001234567845'),
    );
  });
});
