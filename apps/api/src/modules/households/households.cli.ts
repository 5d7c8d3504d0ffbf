import fs from 'node:fs';
import path from 'node:path';
import { HouseholdImportMapping, HouseholdImportMode, IsoDate, todayInVietnam } from '@doanket/domain';
import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { systemContext } from '../../lib/context';
import { createSealer, loadDataKey } from '../../lib/crypto';
import { openConfiguredDatabase } from '../../server';
import {
  checkMapping,
  errorReportCsv,
  HouseholdChecker,
  HouseholdFileError,
  type HouseholdRow,
  householdTemplateXlsx,
  inspectHouseholdFile,
  readHouseholdRows,
} from './households-file';
import { HouseholdImportError } from './households-file-messages';
import { createImportJob, findImportWard, runHouseholdImport } from './households-import.service';

/** Counts rows as they stream past, reporting progress on stderr. */
async function* counted(rows: AsyncIterable<HouseholdRow>, onRow: (count: number) => void) {
  let count = 0;
  for await (const row of rows) {
    count += 1;
    onRow(count);
    yield row;
  }
}

export function registerHouseholdsCommands(program: Command): void {
  const households = program.command('households').description('Hộ gia đình / households');

  households
    .command('template')
    .description('Ghi tệp mẫu nhập hộ gia đình (.xlsx) / write the households import template')
    .option('--out <file>', 'tệp ghi ra / output file', 'mau-nhap-ho-gia-dinh.xlsx')
    .action(async (options: { out: string }) => {
      fs.writeFileSync(options.out, await householdTemplateXlsx());
      console.log(`Đã ghi tệp mẫu / template written: ${path.resolve(options.out)}`);
    });

  households
    .command('check <file>')
    .description(
      'Kiểm tra tệp nhập hộ gia đình (.xlsx, .csv) mà không ghi gì vào sổ; lỗi từng dòng ra --report.\n' +
        'Check a households import file without writing anything; row errors go to --report.',
    )
    .option('--report <file>', 'báo cáo lỗi CSV (Dòng, Cột, Lý do) / error report CSV')
    .action(async (file: string, options: { report?: string }) => {
      const input = { source: file, fileName: path.basename(file) };
      const inspection = await inspectHouseholdFile(input);
      if (!inspection.ok) {
        const { error } = inspection;
        throw new Error(
          `${error.message}\n${error.messageEn}${error.line ? ` (dòng / line ${error.line})` : ''}`,
        );
      }
      const started = performance.now();
      const showProgress = (count: number) => {
        if (count % 10_000 === 0) process.stderr.write(`  đã đọc / read: ${count} dòng / rows\n`);
      };
      // Checked as the import checks, without keeping the rows.
      const checker = new HouseholdChecker();
      for await (const row of counted(
        readHouseholdRows(input, { mapping: inspection.mapping }),
        showProgress,
      )) {
        checker.add(row);
      }
      const check = checker.finish();
      const seconds = (performance.now() - started) / 1000;
      const rejectedRows = new Set(check.errorReport.map((error) => error.row)).size;
      console.log(
        `${check.rows} dòng / rows: ${check.validHouseholds} hộ hợp lệ (${check.validRows} người) / valid households, ` +
          `${check.invalidHouseholds} hộ có lỗi / households with errors, ${rejectedRows} dòng lỗi / rows with errors; ` +
          `${Math.round(check.rows / Math.max(seconds, 0.001))} dòng/giây / rows per second`,
      );
      if (options.report) {
        fs.writeFileSync(options.report, errorReportCsv(check.errorReport));
        console.log(`Báo cáo lỗi / error report: ${path.resolve(options.report)}`);
      }
      if (check.validHouseholds === 0) process.exitCode = 1;
    });

  households
    .command('import <file>')
    .description(
      'Nhập hộ gia đình và nhân khẩu từ tệp .xlsx/.csv vào sổ của một phường; nhập lại tệp không tạo trùng.\n' +
        "Import households and their members from an .xlsx/.csv file into a ward's register; re-importing updates.",
    )
    .requiredOption('--unit <code>', 'mã phường, xã / ward code')
    .option(
      '--mode <mode>',
      'valid: nhập các hộ hợp lệ; strict: không nhập gì nếu có lỗi; check: chỉ kiểm tra / valid | strict | check',
      'valid',
    )
    .option(
      '--at <date>',
      'ngày dữ liệu có hiệu lực (YYYY-MM-DD), mặc định hôm nay / date the data holds from',
    )
    .option('--mapping <json>', 'ghép cột {"trường": số cột từ 0} / column mapping {"field": index from 0}')
    .option(
      '--report <file>',
      'báo cáo lỗi CSV; mặc định cạnh tệp nhập / error report CSV; default next to the file',
    )
    .action(async (file: string, options: ImportOptions) => {
      await importCommand(file, options);
    });
}

type ImportOptions = { unit: string; mode: string; at?: string; mapping?: string; report?: string };

const both = (error: { message: string; messageEn: string }) => `${error.message}\n${error.messageEn}`;

function parseImportOptions(options: ImportOptions) {
  const mode = HouseholdImportMode.safeParse(options.mode);
  if (!mode.success)
    throw new Error('--mode cần valid, strict hoặc check / --mode must be valid, strict or check');
  const at = options.at ?? todayInVietnam();
  if (!IsoDate.safeParse(at).success) throw new Error('--at cần dạng YYYY-MM-DD / --at must be YYYY-MM-DD');
  let mapping: HouseholdImportMapping | undefined;
  if (options.mapping) {
    let value: unknown;
    try {
      value = JSON.parse(options.mapping);
    } catch {
      value = null;
    }
    const parsed = HouseholdImportMapping.safeParse(value);
    if (!parsed.success) {
      throw new Error(
        '--mapping cần JSON {"trường": số cột từ 0}, ví dụ {"householdCode":0,"fullName":3,"relation":4} / ' +
          '--mapping needs JSON {"field": column index from 0}',
      );
    }
    try {
      checkMapping(parsed.data);
    } catch (error) {
      if (error instanceof HouseholdFileError) throw new Error(both(error));
      throw error;
    }
    mapping = parsed.data;
  }
  return { mode: mode.data, at, mapping };
}

/** Default report path: "ho-gia-dinh.xlsx" → "ho-gia-dinh.loi.csv" beside it. */
const reportPathFor = (file: string) =>
  path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.loi.csv`);

async function importCommand(file: string, options: ImportOptions): Promise<void> {
  const { mode, at, mapping } = parseImportOptions(options);
  if (!fs.existsSync(file)) throw new Error(`Không có tệp / no such file: ${file}`);
  const config = loadConfig();
  // Check mode writes nothing, so it needs no data key.
  const sealer = mode === 'check' ? null : createSealer(loadDataKey(config));
  const database = await openConfiguredDatabase(config);
  try {
    let ward: Awaited<ReturnType<typeof findImportWard>>;
    try {
      ward = await findImportWard(database.db, options.unit, at);
    } catch (error) {
      if (error instanceof HouseholdImportError) throw new Error(both(error));
      throw error;
    }
    const fileName = path.basename(file);
    const jobId = await createImportJob(database.db, ward, mode, fileName);
    process.stderr.write(`Nhập vào / importing into ${ward.name} (${ward.code}), ngày / as of ${at}\n`);
    let lastShown = 0;
    let lastPhase = '';
    const summary = await runHouseholdImport({
      db: database.db,
      ctx: systemContext(),
      sealer,
      ward,
      mode,
      source: file,
      fileName,
      mapping,
      jobId,
      onProgress: (progress) => {
        const now = performance.now();
        if (progress.phase === lastPhase && now - lastShown < 1000) return;
        lastShown = now;
        lastPhase = progress.phase;
        if (progress.phase === 'reading') {
          process.stderr.write(`  đọc, kiểm tra / reading, checking: ${progress.processed} dòng / rows\n`);
        } else if (progress.phase === 'writing') {
          process.stderr.write(
            `  ghi / writing: ${progress.imported} dòng / rows, ${progress.householdsImported} hộ / households\n`,
          );
        }
      },
      log: (error) => console.error(error),
    });
    const rate = Math.round(summary.total / Math.max(summary.seconds, 0.001));
    console.log(
      `Đã nhập ${summary.imported} dòng, từ chối ${summary.rejected} dòng, ${rate} dòng/giây / ` +
        `Imported ${summary.imported} rows, rejected ${summary.rejected} rows, ${rate} rows/s`,
    );
    const counts = summary.counts;
    if (summary.imported > 0) {
      console.log(
        `  Hộ / households: ${counts.householdsCreated} mới / new, ${counts.householdsUpdated} cập nhật / updated, ` +
          `${counts.householdsMoved} chuyển tổ / moved; nhân khẩu / persons: ${counts.personsCreated} mới / new, ` +
          `${counts.personsUpdated} cập nhật / updated, ${counts.membersKept} giữ lại (không có trong tệp) / kept (not in the file); ` +
          `${summary.duplicatesFlagged} nghi trùng cần rà soát / possible duplicates to review`,
      );
    }
    if (summary.message) console.log(`${summary.message}\n${summary.messageEn}`);
    if (summary.errorReport.length > 0 || options.report) {
      const target = options.report ?? reportPathFor(file);
      fs.writeFileSync(target, errorReportCsv(summary.errorReport));
      console.log(
        `Báo cáo lỗi / error report: ${path.resolve(target)} (${summary.errorReport.length} lỗi / errors)`,
      );
    }
    const succeeded =
      summary.status === 'done' && (mode === 'check' ? counts.householdsValid > 0 : summary.imported > 0);
    if (!succeeded) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
