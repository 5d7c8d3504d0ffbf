import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  errorReportCsv,
  groupHouseholds,
  type HouseholdRow,
  householdTemplateXlsx,
  inspectHouseholdFile,
  readHouseholdRows,
} from './households-file';

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
      let total = 0;
      const groups = await groupHouseholds(
        counted(readHouseholdRows(input, { mapping: inspection.mapping }), (count) => {
          total = count;
          showProgress(count);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const rejectedRows = new Set(groups.errorReport.map((error) => error.row)).size;
      const persons = groups.valid.reduce((sum, household) => sum + household.members.length, 0);
      console.log(
        `${total} dòng / rows: ${groups.valid.length} hộ hợp lệ (${persons} người) / valid households, ` +
          `${groups.invalid.length} hộ có lỗi / households with errors, ${rejectedRows} dòng lỗi / rows with errors; ` +
          `${Math.round(total / Math.max(seconds, 0.001))} dòng/giây / rows per second`,
      );
      if (options.report) {
        fs.writeFileSync(options.report, errorReportCsv(groups.errorReport));
        console.log(`Báo cáo lỗi / error report: ${path.resolve(options.report)}`);
      }
      if (groups.valid.length === 0) process.exitCode = 1;
    });
}
