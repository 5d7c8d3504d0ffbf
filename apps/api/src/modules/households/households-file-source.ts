import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { type DetectedEncoding, detectEncoding } from '@doanket/domain';
import { fileMessages, HouseholdFileError } from './households-file-messages';

/** A path, the bytes, a stream (readable once) or a function opening a fresh stream each time. */
export type HouseholdFileSource = string | Uint8Array | Readable | (() => Readable);

export type HouseholdFileInput = {
  source: HouseholdFileSource;
  /** The uploaded file's name; its extension only helps the messages, the bytes decide. */
  fileName?: string;
  /** Defaults to 50 MB. */
  maxBytes?: number;
  /** Told the bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
};

export const defaultMaxBytes = 50 * 1024 * 1024;

export type FileKind = 'csv' | 'xlsx';

export type OpenedFile = {
  kind: FileKind;
  encoding: DetectedEncoding | 'binary';
  /** Every byte of the file, from the start, in chunks; read once. */
  chunks: AsyncIterable<Buffer>;
  /** Set when the source failed or passed the size limit: the chunks then simply end early. */
  failure: () => HouseholdFileError | null;
  /** Whether the file, once read to its end, had the end of a ZIP central directory. */
  hasZipEnd: () => boolean | null;
  close: () => Promise<void>;
};

const sniffBytes = 64 * 1024;
const chunkBytes = 64 * 1024;
// The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
const zipTailBytes = 22 + 65_535;
const zipEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function sourceStream(source: HouseholdFileSource): Readable {
  if (typeof source === 'string') return createReadStream(source, { highWaterMark: chunkBytes });
  if (source instanceof Uint8Array) {
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return Readable.from(
      (function* () {
        for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
      })(),
      { objectMode: false },
    );
  }
  if (typeof source === 'function') return source();
  return source;
}

/**
 * Opens the file, checks its size and first bytes, and tells CSV from XLSX. Never throws for
 * what the user uploaded: every refusal is a HouseholdFileError.
 */
export async function openHouseholdFile(input: HouseholdFileInput): Promise<OpenedFile> {
  const maxBytes = input.maxBytes ?? defaultMaxBytes;
  const { source } = input;
  if (typeof source === 'string') {
    const info = await stat(source).catch(() => null);
    if (!info?.isFile()) throw new HouseholdFileError('file.read_failed', fileMessages.readFailed());
    if (info.size > maxBytes) throw new HouseholdFileError('file.too_large', fileMessages.tooLarge(maxBytes));
  } else if (source instanceof Uint8Array && source.byteLength > maxBytes) {
    throw new HouseholdFileError('file.too_large', fileMessages.tooLarge(maxBytes));
  }

  const stream = sourceStream(source);
  let failure: HouseholdFileError | null = null;
  let total = 0;
  let tail: Buffer = Buffer.alloc(0);
  let ended = false;

  // Errors end the chunks instead of throwing: exceljs pipes its input and would wait forever
  // on a source that failed; the caller checks failure() once the reader stops.
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        total += bytes.length;
        input.onBytes?.(total);
        if (total > maxBytes) {
          failure = new HouseholdFileError('file.too_large', fileMessages.tooLarge(maxBytes));
          return;
        }
        tail =
          tail.length + bytes.length <= zipTailBytes ? Buffer.concat([tail, bytes]) : keepTail(tail, bytes);
        yield bytes;
      }
      ended = true;
    } catch {
      failure = new HouseholdFileError('file.read_failed', fileMessages.readFailed());
    } finally {
      stream.destroy();
    }
  }

  const iterator = guarded();
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const close = async () => {
    await iterator.return(undefined);
  };
  const refuse = async (error: HouseholdFileError): Promise<never> => {
    await close();
    throw error;
  };
  if (failure) return refuse(failure);

  const start = Buffer.concat(head);
  const chunks = (async function* () {
    yield* head;
    if (!done) yield* iterator;
  })();
  const opened = {
    chunks,
    failure: () => failure,
    hasZipEnd: () => (ended ? tail.lastIndexOf(zipEnd) >= 0 : null),
    close,
  };

  if (start.length === 0) return refuse(new HouseholdFileError('file.empty', fileMessages.empty()));
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if ((await zipEndPresent(source)) === false) {
      return refuse(new HouseholdFileError('file.xlsx_corrupt', fileMessages.xlsxCorrupt()));
    }
    return { ...opened, kind: 'xlsx', encoding: 'binary' };
  }
  if (start.subarray(0, 2).equals(Buffer.from([0x50, 0x4b]))) {
    return refuse(new HouseholdFileError('file.xlsx_corrupt', fileMessages.xlsxCorrupt()));
  }
  if (start.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return refuse(new HouseholdFileError('file.xls', fileMessages.xls()));
  }
  if (/\.xlsx$/i.test(input.fileName ?? '')) {
    return refuse(new HouseholdFileError('file.xlsx_corrupt', fileMessages.xlsxCorrupt()));
  }

  const { encoding } = detectEncoding(done ? start : wholeUtf8Prefix(start));
  if (encoding === 'windows-1258' || encoding === 'tcvn3') {
    return refuse(new HouseholdFileError('file.legacy_encoding', fileMessages.legacyEncoding(encoding)));
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return refuse(new HouseholdFileError('file.utf16', fileMessages.utf16()));
  }
  // HTML and XML "Excel" exports are text but not CSV.
  const firstText = start
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (encoding === 'unknown' || firstText.startsWith('<')) {
    return refuse(new HouseholdFileError('file.unsupported', fileMessages.unsupported()));
  }
  if (firstText.trim() === '') return refuse(new HouseholdFileError('file.empty', fileMessages.empty()));
  return { ...opened, kind: 'csv', encoding };
}

function keepTail(tail: Buffer, bytes: Buffer): Buffer {
  if (bytes.length >= zipTailBytes) return Buffer.from(bytes.subarray(bytes.length - zipTailBytes));
  return Buffer.concat([tail.subarray(tail.length - (zipTailBytes - bytes.length)), bytes]);
}

/** Drops a UTF-8 sequence cut by the end of a sample, which would otherwise look like bad UTF-8. */
function wholeUtf8Prefix(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

/** For a path or bytes, whether the ZIP's closing record is there, without reading it all. */
export async function zipEndPresent(source: HouseholdFileSource): Promise<boolean | null> {
  if (source instanceof Uint8Array) {
    const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return bytes.subarray(Math.max(0, bytes.length - zipTailBytes)).lastIndexOf(zipEnd) >= 0;
  }
  if (typeof source !== 'string') return null;
  const handle = await open(source, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, zipTailBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.lastIndexOf(zipEnd) >= 0;
  } finally {
    await handle.close();
  }
}
