import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  authorize,
  foldDiacritics,
  fullName,
  type HouseholdCategory,
  type HouseholdImportJob,
  type HouseholdImportMapping,
  type HouseholdImportMode,
  householdCategories,
  type PersonNameParts,
  personSortKey,
  povertyStandardOn,
  todayInVietnam,
} from '@doanket/domain';
import type { Db } from '../../db/client';
import { authorizeUnit, requireActor } from '../../lib/access';
import { notFound } from '../../lib/app-error';
import { recordAudit } from '../../lib/audit';
import type { RequestContext } from '../../lib/context';
import type { Sealer } from '../../lib/crypto';
import { findVersionByCode } from '../units/units.repository';
import { flagDuplicates } from './duplicates.repository';
import { requireSealer, sealCitizenId } from './households.sealing';
import { foldedCodeAndAddress } from './households.service';
import {
  type ExtraProblem,
  type HouseholdCheck,
  HouseholdChecker,
  HouseholdFileError,
  type HouseholdRow,
  type ParsedPerson,
  readHouseholdRows,
} from './households-file';
import { HouseholdImportError, importMessages } from './households-file-messages';
import type { ErrorLine, ImportCounts, ImportProgress } from './households-import.repository';
import * as repository from './households-import.repository';

export type ImportWard = { unitId: string; code: string; name: string; at: string };

/**
 * Where uploads and the rows waiting to be written are kept while an import runs: a directory
 * only this user can read, since both hold citizen IDs in clear.
 */
export async function importTempDir(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'doanket-imports');
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Removes what imports cut short by a crash left behind (files older than a day). */
export async function removeStaleImportFiles(): Promise<void> {
  const dir = await importTempDir();
  const limit = Date.now() - 24 * 3600_000;
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    const info = await fs.promises.stat(file).catch(() => null);
    if (info?.isFile() && info.mtimeMs < limit) await fs.promises.rm(file, { force: true });
  }
}

/** Rows written per statement: large enough to avoid round trips, small enough for one JSON parameter. */
export const defaultBatchSize = 2500;
/** A running job shows a sign of life this often; one silent for staleAfterMs has died with its process. */
const heartbeatMs = 5_000;
export const staleAfterMs = 2 * 60_000;
const progressEveryMs = 1_000;

/**
 * The ward of an import on its date, once the actor may write households there. A ward that did
 * not exist on the date is refused with its period, so the user can give the right date.
 */
export function resolveImportWard(
  db: Db,
  ctx: RequestContext,
  code: string,
  at: string,
): Promise<ImportWard> {
  requireActor(ctx);
  return findImportWard(db, code, at, async (unitId) => {
    await authorizeUnit(db, ctx, 'households.write', unitId);
  });
}

/** The ward by code on the date; `authorizeWard` runs before anything about it is told. */
export async function findImportWard(
  db: Db,
  code: string,
  at: string,
  authorizeWard: (unitId: string) => Promise<void> = async () => {},
): Promise<ImportWard> {
  const version = await findVersionByCode(db, code, at);
  if (!version) {
    const versions = await repository.findWardVersionsByCode(db, code);
    if (versions.length === 0) {
      throw new HouseholdImportError('import.ward_not_found', 404, importMessages.wardNotFound(code));
    }
    const chosen = versions.filter((v) => v.validTo !== null && v.validTo <= at).pop() ?? versions[0]!;
    await authorizeWard(chosen.unitId);
    throw new HouseholdImportError(
      'import.ward_not_on_date',
      400,
      importMessages.wardNotOnDate(chosen.name, at, chosen.validFrom, chosen.validTo),
    );
  }
  await authorizeWard(version.unitId);
  if (version.kind !== 'ward') {
    throw new HouseholdImportError('import.not_a_ward', 400, importMessages.notAWard(code));
  }
  return { unitId: version.unitId, code: version.code, name: version.name, at };
}

// --- Jobs ------------------------------------------------------------------------------------

type LiveJob = { progress: () => ImportProgress };
/** Jobs running in this process, with their progress as of now (the database lags behind). */
const liveJobs = new Map<string, LiveJob>();

export type ImportUpload = { path: string; fileName: string | null };

export type StartImportOptions = {
  db: Db;
  ctx: RequestContext;
  sealer: Sealer | null;
  unitCode: string;
  mode: HouseholdImportMode;
  at?: string;
  /** Stores the uploaded file, once the request has been found acceptable; removed when the job ends. */
  receive: () => Promise<ImportUpload & { mapping?: HouseholdImportMapping }>;
  batchSize?: number;
  log?: (error: unknown) => void;
};

/** Checks the request, stores the file, records the job and runs it in the background. */
export async function startHouseholdImport(
  options: StartImportOptions,
): Promise<{ id: string; finished: Promise<void> }> {
  const at = options.at ?? todayInVietnam();
  const ward = await resolveImportWard(options.db, options.ctx, options.unitCode, at);
  const sealer = options.mode === 'check' ? options.sealer : requireSealer(options.sealer);
  const upload = await options.receive();
  let id: string;
  try {
    id = await repository.insertImportJob(options.db, {
      unitId: ward.unitId,
      userId: options.ctx.actor?.userId ?? null,
      fileName: upload.fileName,
      mode: options.mode,
      details: newDetails(ward),
    });
  } catch (error) {
    await fs.promises.rm(upload.path, { force: true });
    throw error;
  }
  const finished = runHouseholdImport({
    db: options.db,
    ctx: options.ctx,
    sealer,
    ward,
    mode: options.mode,
    source: upload.path,
    fileName: upload.fileName,
    mapping: upload.mapping,
    jobId: id,
    batchSize: options.batchSize,
    log: options.log,
  })
    .then(
      () => undefined,
      (error: unknown) => options.log?.(error),
    )
    .finally(() => fs.promises.rm(upload.path, { force: true }));
  return { id, finished };
}

export function newDetails(ward: ImportWard): repository.ImportJobDetails {
  return {
    at: ward.at,
    unitCode: ward.code,
    unitName: ward.name,
    phase: 'queued',
    percent: 0,
    heartbeat: new Date().toISOString(),
    counts: repository.emptyCounts(),
    messageEn: null,
    lines: [],
  };
}

/** Records a job for a run that does not come through the API (the command line). */
export function createImportJob(
  db: Db,
  ward: ImportWard,
  mode: HouseholdImportMode,
  fileName: string | null,
): Promise<string> {
  return repository.insertImportJob(db, {
    unitId: ward.unitId,
    userId: null,
    fileName,
    mode,
    details: newDetails(ward),
  });
}

async function authorizedJob(db: Db, ctx: RequestContext, id: string, lineLimit?: number) {
  const actor = requireActor(ctx);
  const job = await repository.findImportJob(db, id, lineLimit);
  if (!job || job.kind !== repository.householdsImportKind) throw notFound();
  // Seen only by those who may import into the ward; to anyone else the job does not exist.
  const unit = await authorizeUnit(db, ctx, 'read', job.unitId);
  if (!authorize(actor, 'households.write', unit)) throw notFound();
  return job;
}

export async function getHouseholdImport(options: {
  db: Db;
  ctx: RequestContext;
  id: string;
  staleAfterMs?: number;
}): Promise<HouseholdImportJob> {
  let job = await authorizedJob(options.db, options.ctx, options.id);
  const live = liveJobs.get(job.id);
  if (!live && (job.status === 'queued' || job.status === 'running')) {
    const limit = new Date(Date.now() - (options.staleAfterMs ?? staleAfterMs)).toISOString();
    const heartbeat = job.details?.heartbeat ?? job.createdAt;
    if (heartbeat < limit) {
      await repository.failStaleImportJob(options.db, job.id, limit, importMessages.interrupted());
      job = await authorizedJob(options.db, options.ctx, options.id);
    }
  }
  return presentJob(job, live?.progress());
}

function presentJob(job: repository.ImportJobRow, live?: ImportProgress): HouseholdImportJob {
  const details = job.details;
  const counts = { ...repository.emptyCounts(), ...details?.counts };
  const progress = live && job.status !== 'done' && job.status !== 'failed' ? live : null;
  return {
    id: job.id,
    status: progress ? 'running' : job.status,
    mode: job.mode as HouseholdImportMode,
    unitCode: details?.unitCode ?? '',
    unitName: details?.unitName ?? null,
    at: details?.at ?? null,
    fileName: job.fileName,
    phase: progress?.phase ?? details?.phase ?? 'queued',
    total: progress?.total ?? job.total,
    processed: progress?.processed ?? job.processed,
    imported: progress?.imported ?? job.imported,
    rejected: progress?.rejected ?? job.rejected,
    householdsImported: progress?.householdsImported ?? job.householdsImported,
    duplicatesFlagged: progress?.duplicatesFlagged ?? job.duplicatesFlagged,
    ...counts,
    percent:
      job.status === 'done' ? 100 : Math.min(100, Math.round(progress?.percent ?? details?.percent ?? 0)),
    message: job.message,
    messageEn: details?.messageEn ?? null,
    errors: job.lines,
    errorCount: job.errorCount,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

export async function getHouseholdImportErrors(options: {
  db: Db;
  ctx: RequestContext;
  id: string;
}): Promise<ErrorLine[]> {
  await authorizedJob(options.db, options.ctx, options.id, 1);
  return repository.findImportErrorLines(options.db, options.id);
}

// --- Running an import -----------------------------------------------------------------------

export type RunImportOptions = {
  db: Db;
  ctx: RequestContext;
  sealer: Sealer | null;
  ward: ImportWard;
  mode: HouseholdImportMode;
  /** Path of the file to read. */
  source: string;
  fileName: string | null;
  mapping?: HouseholdImportMapping;
  jobId: string;
  batchSize?: number;
  /** For birth dates "in the future"; defaults to today in Việt Nam. */
  today?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Where unexpected failures are told (the user only sees that nothing was written). */
  log?: (error: unknown) => void;
};

export type ImportSummary = ImportProgress & {
  status: 'done' | 'failed';
  message: string | null;
  messageEn: string | null;
  counts: ImportCounts;
  errorReport: ErrorLine[];
  seconds: number;
};

/**
 * Reads and checks the whole file first (rows are kept on disk, not in memory), then writes
 * the valid households in one transaction, in multi-row statements: a failure anywhere leaves
 * nothing of the file written, and strict mode writes only when every row is valid.
 */
export async function runHouseholdImport(options: RunImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { db, ward, mode } = options;
  const counts = repository.emptyCounts();
  const progress: ImportProgress = {
    total: 0,
    processed: 0,
    imported: 0,
    rejected: 0,
    householdsImported: 0,
    duplicatesFlagged: 0,
    phase: 'reading',
    percent: 0,
  };
  const reporter = new ProgressReporter(db, options.jobId, progress, options.onProgress);
  liveJobs.set(options.jobId, { progress: () => ({ ...progress }) });
  let spillPath: string | null = null;
  const finish = async (
    status: 'done' | 'failed',
    text: { vi: string; en: string } | null,
    errorReport: ErrorLine[],
  ): Promise<ImportSummary> => {
    reporter.stop();
    const summary: ImportSummary = {
      ...progress,
      phase: 'finished',
      percent: 100,
      status,
      message: text?.vi ?? null,
      messageEn: text?.en ?? null,
      counts,
      errorReport,
      seconds: (performance.now() - started) / 1000,
    };
    await repository.finishImportJob(db, options.jobId, summary);
    options.onProgress?.(summary);
    return summary;
  };

  try {
    reporter.report(true);
    const spill = path.join(await importTempDir(), `${options.jobId}.ndjson`);
    spillPath = spill;
    const context = await loadContext(db, ward);
    let check: HouseholdCheck;
    try {
      check = await readAndCheck(options, context, spill, progress, reporter);
    } catch (error) {
      if (!(error instanceof HouseholdFileError)) throw error;
      const line = { row: error.line ?? 0, column: '', reason: error.message, reasonEn: error.messageEn };
      await repository.saveImportErrors(db, options.jobId, [line], counts);
      return await finish('failed', { vi: error.message, en: error.messageEn }, [line]);
    }
    counts.validRows = check.validRows;
    counts.householdsValid = check.validHouseholds;
    counts.householdsRejected = check.invalidHouseholds;
    progress.total = check.rows;
    progress.processed = check.rows;
    progress.rejected = check.rejectedRows;
    await repository.saveImportErrors(db, options.jobId, check.errorReport, counts);

    if (mode === 'check') {
      return await finish(
        'done',
        importMessages.checked(check.validHouseholds, check.invalidHouseholds),
        check.errorReport,
      );
    }
    if (mode === 'strict' && check.rejectedRows > 0) {
      return await finish('done', importMessages.strictRefused(check.rejectedRows), check.errorReport);
    }
    if (check.validHouseholds === 0) {
      return await finish('done', importMessages.nothingValid(), check.errorReport);
    }

    progress.phase = 'writing';
    progress.percent = 50;
    reporter.report(true);
    const written = { ...counts };
    let duplicates = 0;
    try {
      await db.transaction(async (tx) => {
        await repository.withoutJit(tx);
        const writer = new BatchWriter(tx, requireSealer(options.sealer), ward, context);
        const flagger = new DuplicateFlagger(tx);
        await flagger.load(ward.unitId);
        // While the database writes one batch, the next is prepared (sealing is the costly part).
        let writing: Promise<BatchResult> | null = null;
        const settle = async () => {
          if (!writing) return;
          const result = await writing;
          writing = null;
          for (const key of Object.keys(result.counts) as (keyof ImportCounts)[]) {
            written[key] += result.counts[key];
          }
          duplicates += await flagger.add(result.created, result.updated);
          progress.imported += result.created.length + result.updated.length;
          progress.householdsImported += result.households;
          progress.duplicatesFlagged = duplicates;
          progress.percent = 50 + (50 * progress.imported) / Math.max(1, check.validRows);
          reporter.report();
        };
        for await (const batch of validHouseholdBatches(
          spill,
          check,
          options.batchSize ?? defaultBatchSize,
        )) {
          const prepared = await writer.prepare(batch);
          await settle();
          writing = writer.apply(prepared);
          // Its failure is taken up by settle(); until then it must not count as unhandled.
          writing.catch(() => {});
        }
        await settle();
        duplicates += await flagger.flush();
        progress.duplicatesFlagged = duplicates;
        await recordAudit(tx, options.ctx, {
          action: 'import',
          entityType: 'household_import',
          entityId: options.jobId,
          unitId: ward.unitId,
          after: {
            mode,
            at: ward.at,
            rows: check.rows,
            imported: progress.imported,
            rejected: progress.rejected,
            householdsImported: progress.householdsImported,
            ...pickWriteCounts(written),
            duplicatesFlagged: duplicates,
          },
        });
      });
    } catch (error) {
      options.log?.(error);
      progress.imported = 0;
      progress.householdsImported = 0;
      progress.duplicatesFlagged = 0;
      return await finish('failed', importMessages.writeFailed(), check.errorReport);
    }
    Object.assign(counts, written);
    return await finish('done', null, check.errorReport);
  } catch (error) {
    options.log?.(error);
    const text =
      error instanceof HouseholdFileError
        ? { vi: error.message, en: error.messageEn }
        : error instanceof HouseholdImportError
          ? { vi: error.message, en: error.messageEn }
          : importMessages.writeFailed();
    progress.imported = 0;
    progress.householdsImported = 0;
    return await finish('failed', text, []).catch(() => ({
      ...progress,
      status: 'failed' as const,
      message: text.vi,
      messageEn: text.en,
      counts,
      errorReport: [],
      seconds: (performance.now() - started) / 1000,
    }));
  } finally {
    reporter.stop();
    liveJobs.delete(options.jobId);
    if (spillPath) await fs.promises.rm(spillPath, { force: true });
  }
}

const pickWriteCounts = (counts: ImportCounts) => ({
  householdsCreated: counts.householdsCreated,
  householdsUpdated: counts.householdsUpdated,
  householdsMoved: counts.householdsMoved,
  personsCreated: counts.personsCreated,
  personsUpdated: counts.personsUpdated,
  membersKept: counts.membersKept,
  categoriesAdded: counts.categoriesAdded,
});

/** Writes progress to the job at most once a second, and a heartbeat while it runs. */
class ProgressReporter {
  private last = 0;
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly jobId: string,
    private readonly progress: ImportProgress,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {
    this.timer = setInterval(() => this.write(), heartbeatMs);
    this.timer.unref();
  }

  report(force = false): void {
    this.onProgress?.(this.progress);
    const now = performance.now();
    if (!force && now - this.last < progressEveryMs) return;
    this.write();
  }

  // Not awaited: during the write transaction the embedded database runs this only after it.
  private write(): void {
    if (this.stopped) return;
    this.last = performance.now();
    void repository.updateImportProgress(this.db, this.jobId, { ...this.progress }).catch(() => {});
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}

// --- Reading ---------------------------------------------------------------------------------

type ImportContext = {
  resolveGroup: (name: string) => repository.WardGroup | null;
  groupByName: Map<string, repository.WardGroup>;
  existingCodes: Set<string>;
  categories: readonly HouseholdCategory[];
};

async function loadContext(db: Db, ward: ImportWard): Promise<ImportContext> {
  const [groups, existingCodes, kinds] = await Promise.all([
    repository.findWardGroupsAt(db, ward.unitId, ward.at),
    repository.findHouseholdCodes(db, ward.unitId),
    repository.findCategoryKinds(db),
  ]);
  const builtIn = new Set(householdCategories.map((category) => category.code));
  const categories = [
    ...householdCategories,
    ...kinds
      .filter((kind) => !builtIn.has(kind.code))
      .map((kind) => ({
        code: kind.code,
        vi: kind.vi,
        en: kind.en,
        ...(kind.group ? { group: kind.group } : {}),
        aliases: [kind.code],
      })),
  ];
  return {
    resolveGroup: groupResolver(groups),
    groupByName: new Map(groups.map((group) => [group.name, group])),
    existingCodes,
    categories,
  };
}

function nameKey(value: string): string {
  return foldDiacritics(value)
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

// "Tổ dân phố số 5", "TDP 5", "Tổ 05" name the same group when the ward has only one group 5.
function looseKey(value: string): string {
  return nameKey(value)
    .replace(/^(to dan pho|tdp|to|thon|khu pho|kp|ap|ban|xom|khu|cum)\s+/, '')
    .replace(/^so\s+/, '')
    .replace(/^0+(?=\d)/, '');
}

/** Finds a group of the ward by its name as files write it, or by its code. */
export function groupResolver(groups: readonly repository.WardGroup[]) {
  const exact = new Map<string, repository.WardGroup>();
  const loose = new Map<string, repository.WardGroup | null>();
  for (const group of groups) {
    exact.set(nameKey(group.name), group);
    exact.set(nameKey(group.code), group);
    const key = looseKey(group.name);
    loose.set(key, loose.has(key) ? null : group);
  }
  const cache = new Map<string, repository.WardGroup | null>();
  return (name: string): repository.WardGroup | null => {
    let found = cache.get(name);
    if (found === undefined) {
      found = exact.get(nameKey(name)) ?? loose.get(looseKey(name)) ?? null;
      cache.set(name, found);
    }
    return found;
  };
}

/** Buffers lines of the on-disk copy of valid rows and writes them in large chunks. */
class Spill {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w', 0o600);
  }

  add(row: number, person: ParsedPerson): void {
    const line = `${JSON.stringify([row, person])}\n`;
    this.chunks.push(line);
    this.size += line.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

async function readAndCheck(
  options: RunImportOptions,
  context: ImportContext,
  spillPath: string,
  progress: ImportProgress,
  reporter: ProgressReporter,
): Promise<HouseholdCheck> {
  const { ward } = options;
  const size = (await fs.promises.stat(options.source).catch(() => null))?.size ?? 0;
  let bytes = 0;
  const share = options.mode === 'check' ? 100 : 50;
  const rows = readHouseholdRows(
    {
      source: options.source,
      fileName: options.fileName ?? undefined,
      onBytes: (read) => {
        bytes = read;
      },
    },
    { mapping: options.mapping, categories: context.categories, today: options.today },
  );
  const checker = new HouseholdChecker();
  const spill = new Spill(spillPath);
  try {
    for await (const row of rows) {
      resolveGroupOf(row, context, ward);
      checker.add(row);
      if (row.person) spill.add(row.row, row.person);
      progress.processed += 1;
      progress.total = progress.processed;
      if (progress.processed % 256 === 0) {
        progress.percent = size > 0 ? (share * bytes) / size : 0;
        reporter.report();
      }
    }
  } finally {
    spill.close();
  }
  return checker.finish((household): ExtraProblem[] =>
    !household.residentialGroupName && !context.existingCodes.has(household.code)
      ? [
          {
            row: household.firstRow,
            field: 'residentialGroup',
            code: 'import.group_required',
            text: importMessages.groupRequired(household.code),
          },
        ]
      : [],
  );
}

/** Replaces the group's name as written by its name in the ward, or makes it a row error. */
function resolveGroupOf(row: HouseholdRow, context: ImportContext, ward: ImportWard): void {
  const person = row.person;
  if (!person?.residentialGroupName) return;
  const group = context.resolveGroup(person.residentialGroupName);
  if (group) {
    person.residentialGroupName = group.name;
    return;
  }
  const text = importMessages.unknownGroup(person.residentialGroupName, ward.name, ward.at);
  row.errors.push({
    column: row.columns.residentialGroup,
    field: 'residentialGroup',
    code: 'import.unknown_group',
    message: text.vi,
    messageEn: text.en,
  });
  delete row.person;
}

// --- Writing ---------------------------------------------------------------------------------

type FileHousehold = {
  code: string;
  groupName: string | null;
  address: string | null;
  members: Array<{ row: number; person: ParsedPerson }>;
};

/**
 * The valid households from the on-disk copy, in batches of about `size` persons. A household
 * is complete when all its rows have been seen: files are usually sorted, so few wait.
 */
async function* validHouseholdBatches(
  spillPath: string,
  check: HouseholdCheck,
  size: number,
): AsyncGenerator<FileHousehold[]> {
  const pending = new Map<string, FileHousehold>();
  let batch: FileHousehold[] = [];
  let persons = 0;
  const lines = readline.createInterface({
    input: fs.createReadStream(spillPath, { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (line === '') continue;
    const [row, person] = JSON.parse(line) as [number, ParsedPerson];
    const summary = check.households.get(person.householdCode);
    if (!summary || summary.errors.length > 0) continue;
    let household = pending.get(person.householdCode);
    if (!household) {
      household = {
        code: summary.code,
        groupName: summary.residentialGroupName,
        address: summary.address,
        members: [],
      };
      pending.set(person.householdCode, household);
    }
    household.members.push({ row, person });
    if (household.members.length < summary.persons) continue;
    pending.delete(person.householdCode);
    batch.push(household);
    persons += household.members.length;
    if (persons >= size) {
      yield batch;
      batch = [];
      persons = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

const partKeys = new Map<string, { primary: string; tones: string }>();

/**
 * personSortKey, with each name part worked out once: the key is the parts' primary letters
 * then their tone marks, and names repeat (Nguyễn, Văn, Thị…), so a large file mostly hits the cache.
 */
export function sortKeyOf(parts: PersonNameParts): string {
  const ten = sortPart(parts.ten);
  const tenDem = sortPart(parts.tenDem);
  const ho = sortPart(parts.ho);
  if (!ten || !tenDem || !ho) return personSortKey(parts);
  return `${ten.primary}\u0001${tenDem.primary}\u0001${ho.primary}\u0002${ten.tones}${tenDem.tones}${ho.tones}`;
}

function sortPart(value: string): { primary: string; tones: string } | null {
  let part = partKeys.get(value);
  if (!part) {
    const key = personSortKey({ ho: '', tenDem: '', ten: value });
    const split = key.indexOf('\u0001\u0001\u0002');
    if (split < 0) return null;
    part = { primary: key.slice(0, split), tones: key.slice(split + 3) };
    if (partKeys.size > 100_000) partKeys.clear();
    partKeys.set(value, part);
  }
  return part;
}

type BatchResult = {
  counts: ImportCounts;
  households: number;
  created: repository.NewPerson[];
  updated: repository.NewPerson[];
};

/**
 * Flags possible duplicates of the written persons. flagDuplicates pairs persons that share a
 * citizen ID anywhere, or a folded name and birth (date, or year when a date is missing) in the
 * ward; only those that can have such a pair are passed to it, in a few large calls, since each
 * call scans the register. Namesakes are found here from the ward's members and the file's rows
 * written so far; shared IDs by an index probe per person.
 */
class DuplicateFlagger {
  private pending: string[] = [];
  private readonly namesakes = new Map<string, Array<{ id: string; birthDate: string | null }>>();

  constructor(private readonly tx: Db) {}

  async load(wardUnitId: string): Promise<void> {
    for (const member of await repository.findWardNameBirths(this.tx, wardUnitId)) this.remember(member);
  }

  private remember(person: repository.NameBirth): boolean {
    const key = `${person.searchName}|${person.birthYear}`;
    const others = this.namesakes.get(key);
    if (!others) {
      this.namesakes.set(key, [{ id: person.id, birthDate: person.birthDate }]);
      return false;
    }
    const paired = others.some(
      (other) =>
        other.id !== person.id &&
        (other.birthDate === null || person.birthDate === null || other.birthDate === person.birthDate),
    );
    if (!others.some((other) => other.id === person.id))
      others.push({ id: person.id, birthDate: person.birthDate });
    return paired;
  }

  async add(
    created: readonly repository.NewPerson[],
    updated: readonly repository.NewPerson[],
  ): Promise<number> {
    const candidates = new Set<string>();
    const persons = [...created, ...updated];
    const isUpdate = new Set(updated);
    for (const person of persons) {
      if (person.birth_year === null) {
        // An update keeps the stored birth year when the file gives none: flagDuplicates decides.
        if (isUpdate.has(person)) candidates.add(person.id);
        continue;
      }
      const paired = this.remember({
        id: person.id,
        searchName: person.search_name,
        birthYear: person.birth_year,
        birthDate: person.birth_date,
      });
      if (paired) candidates.add(person.id);
    }
    const withId = persons.flatMap((person) =>
      person.citizen_id_hash ? [{ id: person.id, citizen_id_hash: person.citizen_id_hash }] : [],
    );
    for (const id of await repository.findSharedCitizenIds(this.tx, withId)) candidates.add(id);
    this.pending.push(...candidates);
    return this.pending.length >= flagChunk ? this.flush() : 0;
  }

  async flush(): Promise<number> {
    let flagged = 0;
    while (this.pending.length > 0) {
      flagged += await flagDuplicates(this.tx, this.pending.splice(0, flagChunk));
    }
    return flagged;
  }
}

// Below PostgreSQL's limit of 65,535 parameters in one statement.
const flagChunk = 20_000;

class BatchWriter {
  private readonly standardPeriod: string | null;
  private readonly searchNames = new Map<string, string>();

  constructor(
    private readonly tx: Db,
    private readonly sealer: Sealer,
    private readonly ward: ImportWard,
    private readonly context: ImportContext,
  ) {
    this.standardPeriod = povertyStandardOn(ward.at)?.code ?? null;
  }

  private searchName(parts: PersonNameParts): string {
    const name = fullName(parts);
    let folded = this.searchNames.get(name);
    if (folded === undefined) {
      folded = foldDiacritics(name);
      if (this.searchNames.size >= 50_000) this.searchNames.clear();
      this.searchNames.set(name, folded);
    }
    return folded;
  }

  /** Reads what the register holds of the batch and works out every row to write. */
  async prepare(batch: FileHousehold[]): Promise<PreparedBatch> {
    const { tx, ward, context } = this;
    const at = ward.at;
    const counts = repository.emptyCounts();
    const hasExisting = batch.some((household) => context.existingCodes.has(household.code));
    const existing = hasExisting
      ? await repository.findHouseholdsByCodes(
          tx,
          ward.unitId,
          batch.map((household) => household.code),
        )
      : [];
    const existingByCode = new Map(existing.map((household) => [household.code, household]));
    const existingIds = existing.map((household) => household.id);
    const [members, placements] = await Promise.all([
      repository.findPersonsOfHouseholds(tx, existingIds),
      repository.findPlacementsAround(tx, existingIds, at),
    ]);
    const membersOf = new Map<string, repository.ExistingPerson[]>();
    for (const member of members) {
      const list = membersOf.get(member.householdId);
      if (list) list.push(member);
      else membersOf.set(member.householdId, [member]);
    }
    const placementOf = new Map(placements.current.map((placement) => [placement.householdId, placement]));

    const newHouseholds: repository.NewHousehold[] = [];
    const changedHouseholds: repository.ChangedHousehold[] = [];
    const newPersons: repository.NewPerson[] = [];
    const changedPersons: repository.NewPerson[] = [];
    const formerHeads: string[] = [];
    const newPlacements: PlacementRow[] = [];
    const closed: string[] = [];
    const regrouped: Array<{ id: string; group_unit_id: string }> = [];
    const categories: Array<{ household_id: string; category: string; standard_period: string | null }> = [];

    for (const [index, household] of batch.entries()) {
      // Lets the statements of the batch being written go out as soon as the previous one is done.
      if (index % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
      const found = existingByCode.get(household.code);
      const id = found?.id ?? randomUUID();
      const head = household.members.find((member) => member.person.isHead)!.person;
      const phone =
        head.phone ?? household.members.find((member) => member.person.phone)?.person.phone ?? null;
      const searchNames = household.members.map((member) => this.searchName(member.person));
      // As the households service keeps it: folded code and address, then every member's name.
      const codeAndAddress = foldedCodeAndAddress({
        code: household.code,
        address: household.address ?? found?.address ?? null,
      });
      const group = household.groupName ? context.groupByName.get(household.groupName) : undefined;

      if (found) {
        counts.householdsUpdated += 1;
        changedHouseholds.push({ id, address: household.address, phone, code_and_address: codeAndAddress });
        const current = placementOf.get(id);
        if (group && !current) {
          newPlacements.push({
            household_id: id,
            group_unit_id: group.unitId,
            valid_from: at,
            valid_to: placements.nextStart.get(id) ?? null,
          });
          counts.householdsMoved += 1;
        } else if (group && current && current.groupUnitId !== group.unitId) {
          if (current.validFrom === at) regrouped.push({ id: current.id, group_unit_id: group.unitId });
          else {
            closed.push(current.id);
            newPlacements.push({
              household_id: id,
              group_unit_id: group.unitId,
              valid_from: at,
              valid_to: current.validTo,
            });
          }
          counts.householdsMoved += 1;
        }
      } else {
        counts.householdsCreated += 1;
        newHouseholds.push({
          id,
          ward_unit_id: ward.unitId,
          code: household.code,
          address: household.address,
          phone,
          search_text: [codeAndAddress, ...searchNames].join(' '),
        });
        // Checked while reading: a household new to the register names its group.
        newPlacements.push({
          household_id: id,
          group_unit_id: group!.unitId,
          valid_from: at,
          valid_to: null,
        });
      }

      const matcher = new MemberMatcher(membersOf.get(id) ?? []);
      household.members.forEach((member, position) => {
        const person = member.person;
        const searchName = searchNames[position]!;
        const row: repository.NewPerson = {
          id: '',
          household_id: id,
          ho: person.ho,
          ten_dem: person.tenDem,
          ten: person.ten,
          search_name: searchName,
          sort_key: sortKeyOf(person),
          sex: person.sex,
          birth_date: person.birthDate,
          birth_year: person.birthYear,
          relation: person.relation,
          is_head: person.isHead,
          phone: person.phone,
          citizen_id_sealed: null,
          citizen_id_hash: null,
          citizen_id_mask: null,
          position,
        };
        const personId = randomUUID();
        let sealed = person.citizenId ? sealCitizenId(this.sealer, personId, person.citizenId) : null;
        const match = found ? matcher.take(sealed?.hash ?? null, searchName, person.birthYear) : null;
        if (match) {
          row.id = match.id;
          // The same number is already stored, sealed for this person: nothing to change.
          if (sealed && match.citizenIdHash === sealed.hash) {
            row.citizen_id_hash = sealed.hash;
            sealed = null;
          } else if (sealed) sealed = sealCitizenId(this.sealer, match.id, person.citizenId!);
          changedPersons.push(row);
        } else {
          row.id = personId;
          newPersons.push(row);
        }
        if (sealed) {
          row.citizen_id_sealed = sealed.sealed;
          row.citizen_id_hash = sealed.hash;
          row.citizen_id_mask = sealed.mask;
        }
      });
      const kept = matcher.unmatched();
      counts.membersKept += kept.length;
      for (const member of kept) if (member.isHead) formerHeads.push(member.id);

      const codes = new Set(household.members.flatMap((member) => member.person.categories));
      for (const category of codes) {
        categories.push({
          household_id: id,
          category,
          standard_period: category === 'poor' || category === 'near_poor' ? this.standardPeriod : null,
        });
      }
    }

    return {
      households: batch.length,
      counts,
      existingIds,
      newHouseholds,
      changedHouseholds,
      newPersons,
      changedPersons,
      formerHeads,
      closed,
      regrouped,
      newPlacements,
      categories,
    };
  }

  async apply(batch: PreparedBatch): Promise<BatchResult> {
    const { tx } = this;
    const at = this.ward.at;
    await repository.insertHouseholds(tx, batch.newHouseholds);
    await repository.updateHouseholds(tx, batch.changedHouseholds);
    await repository.updatePersons(tx, batch.existingIds, batch.changedPersons);
    await repository.demoteFormerHeads(tx, batch.formerHeads);
    await repository.insertPersons(tx, batch.newPersons);
    await repository.refreshSearchTexts(tx, batch.changedHouseholds);
    await repository.changePlacements(tx, at, batch.closed, batch.regrouped);
    await repository.insertPlacements(tx, batch.newPlacements);
    const counts = { ...batch.counts };
    counts.categoriesAdded = await repository.addCategories(tx, at, batch.categories);
    counts.personsCreated = batch.newPersons.length;
    counts.personsUpdated = batch.changedPersons.length;
    return {
      counts,
      households: batch.households,
      created: batch.newPersons,
      updated: batch.changedPersons,
    };
  }
}

type PlacementRow = {
  household_id: string;
  group_unit_id: string;
  valid_from: string;
  valid_to: string | null;
};

type PreparedBatch = {
  households: number;
  counts: ImportCounts;
  existingIds: string[];
  newHouseholds: repository.NewHousehold[];
  changedHouseholds: repository.ChangedHousehold[];
  newPersons: repository.NewPerson[];
  changedPersons: repository.NewPerson[];
  formerHeads: string[];
  closed: string[];
  regrouped: Array<{ id: string; group_unit_id: string }>;
  newPlacements: PlacementRow[];
  categories: Array<{ household_id: string; category: string; standard_period: string | null }>;
};

/**
 * Matches the file's members to those registered: by citizen ID, else by folded name and birth
 * year (a missing year on either side matches when the name is unique among the rest).
 */
class MemberMatcher {
  private readonly left: Set<repository.ExistingPerson>;

  constructor(members: readonly repository.ExistingPerson[]) {
    this.left = new Set(members);
  }

  take(hash: string | null, searchName: string, birthYear: number | null): repository.ExistingPerson | null {
    if (this.left.size === 0) return null;
    let found: repository.ExistingPerson | undefined;
    if (hash) for (const member of this.left) if (member.citizenIdHash === hash) found = member;
    if (!found) {
      const named = [...this.left].filter((member) => member.searchName === searchName);
      found =
        named.find((member) => member.birthYear === birthYear) ??
        (named.length === 1 && (birthYear === null || named[0]!.birthYear === null) ? named[0] : undefined);
    }
    if (found) this.left.delete(found);
    return found ?? null;
  }

  unmatched(): repository.ExistingPerson[] {
    return [...this.left];
  }
}
