import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Sensitive personal data (citizen ID, health, disability, poverty fields) is encrypted at rest
 * with AES-256-GCM. The key comes from DOANKET_DATA_KEY (32 bytes, base64 or hex), else, with
 * the embedded database only, from a key file created in DATA_DIR at first start. API processes
 * sharing a PostgreSQL server must share one key, so there it must be given.
 */
export type DataKeySource = { dataKeyEnv: string | null; dataDir: string; databaseUrl: string | null };

export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

const KEY_FILE = 'data-key';
const VERSION = 'v1';

function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new DataKeyError(
      `${origin} phải là khóa 32 byte (base64 hoặc hex) / must be a 32-byte key (base64 or hex); ` +
        'tạo bằng / make one with: openssl rand -base64 32',
    );
  }
  return key;
}

/** Finds the data key, creating the key file on the first start of an embedded database. */
export function loadDataKey(source: DataKeySource): Buffer {
  if (source.dataKeyEnv) return parseKey(source.dataKeyEnv, 'DOANKET_DATA_KEY');
  if (source.databaseUrl) {
    throw new DataKeyError(
      'Cần DOANKET_DATA_KEY khi dùng DATABASE_URL (mọi tiến trình dùng chung một khóa) / ' +
        'DOANKET_DATA_KEY is required with DATABASE_URL (every process must share one key)',
    );
  }
  const file = path.join(source.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return parseKey(fs.readFileSync(file, 'utf8'), file);
  fs.mkdirSync(source.dataDir, { recursive: true });
  const key = randomBytes(32);
  // 'wx' so that two first starts cannot write two different keys.
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export type Sealer = {
  /** Encrypts a value; `context` (e.g. "person:<id>:citizen_id") binds it to its place. */
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** A keyed hash for finding equal values (duplicate citizen IDs) without decrypting. */
  lookupHash(value: string): string;
  keyId: string;
};

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new DataKeyError('AES-256 needs a 32-byte key');
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), label, 32));
  const encryptionKey = derive('doanket/seal/v1');
  const hashKey = derive('doanket/lookup/v1');
  const keyId = createHmac('sha256', key).update('key-id').digest('hex').slice(0, 8);
  return {
    keyId,
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, keyId, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(
        ':',
      );
    },
    open(sealed, context) {
      const [version, sealedKeyId, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new DataKeyError('Unknown sealed format');
      if (sealedKeyId !== keyId) throw new DataKeyError('Sealed with another data key');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('base64url');
    },
  };
}
