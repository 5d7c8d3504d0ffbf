import fs from 'node:fs';
import {
  MergesMap,
  problemLabels,
  ThreeLevelList,
  TwoLevelList,
  toFieldErrors,
  type UnitsImportReport,
} from '@doanket/domain';
import type { Command } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../../lib/config';
import { systemContext } from '../../lib/context';
import { openConfiguredDatabase } from '../../server';
import { importUnits } from './units-import.service';

function readList<T extends z.ZodType>(file: string, schema: T, label: string): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`Không đọc được ${label} ${file} / cannot read ${label}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = toFieldErrors(parsed.error.issues).slice(0, 5);
    throw new Error(
      `${file} không đúng định dạng ${label} / is not a ${label}:\n` +
        first.map((field) => `  ${field.path || '(gốc)'}: ${field.message} / ${field.messageEn}`).join('\n'),
    );
  }
  return parsed.data;
}

function parseExclusions(values: string[]): Array<{ predecessor: string; successor: string }> {
  return values.map((value) => {
    const match = /^([\w.-]+):([\w.-]+)$/.exec(value);
    if (!match) throw new Error(`--exclude cần dạng MÃ_CŨ:MÃ_MỚI / expects OLD:NEW, got "${value}"`);
    return { predecessor: match[1]!, successor: match[2]! };
  });
}

export function printImportReport(report: UnitsImportReport, limit: number): void {
  const line = (label: string, counts: { created: number; updated: number; unchanged: number }) =>
    `  ${label.padEnd(28)} thêm ${counts.created}, sửa ${counts.updated}, giữ nguyên ${counts.unchanged}`;
  console.log('Kết quả nhập danh mục / import result:');
  console.log(line('Tỉnh, thành phố / provinces', report.provinces));
  console.log(line('Quận, huyện / districts', report.districts));
  console.log(line('Xã, phường cũ / old wards', report.oldWards));
  console.log(line('Xã, phường mới / new wards', report.newWards));
  console.log(`${line('Liên kết / lineage links', report.lineage)}, bỏ qua ${report.lineage.skipped}`);
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');
  console.log(
    `Không đối chiếu được / not reconciled: ${errors.length} lỗi (bỏ qua / left out), ${warnings.length} cảnh báo (đã nhập, cần rà soát / imported, to review)`,
  );
  for (const problem of [...errors, ...warnings].slice(0, limit)) {
    const label = problemLabels[problem.kind];
    console.log(
      `  [${problem.severity === 'error' ? 'LỖI' : 'CẢNH BÁO'}] ${label.vi}: ${problem.code} ${problem.name} — ${problem.detail}`,
    );
  }
  if (report.problems.length > limit) {
    console.log(
      `  … và ${report.problems.length - limit} mục khác (xem --report FILE) / and more (see --report FILE)`,
    );
  }
  console.log(`Thời gian / time: ${(report.durationMs / 1000).toFixed(1)} s`);
}

export function registerUnitsCommands(program: Command): void {
  const unitsCommand = program.command('units').description('Đơn vị hành chính / administrative units');
  unitsCommand
    .command('import')
    .description(
      'Nhập danh mục chính thức (3 cấp trước 1/7/2025, 2 cấp sau đó, bảng sáp nhập); chạy lại không tạo trùng.\n' +
        'Import the official lists (three-level, two-level, old→new map); idempotent.',
    )
    .option('--three-level <file>', 'danh mục 3 cấp (JSON) / three-level list')
    .option('--two-level <file>', 'danh mục 2 cấp (JSON) / two-level list')
    .option('--merges <file>', 'bảng sáp nhập cũ → mới (JSON) / old→new map')
    .option('--reform-date <date>', 'ngày hiệu lực của bản đồ mới / first day of the new map', '2025-07-01')
    .option(
      '--since <date>',
      'ngày bắt đầu cho đơn vị cũ chưa biết / start date for unknown old units',
      '2000-01-01',
    )
    .option('--resolution <text>', 'nghị quyết làm căn cứ / resolution behind the new map')
    .option('--exclude <old:new...>', 'bỏ liên kết sai đã rà soát / leave out links found wrong', [])
    .option('--dry-run', 'chỉ kiểm tra, không ghi / check only, write nothing', false)
    .option('--report <file>', 'ghi toàn bộ kết quả ra JSON / write the whole report as JSON')
    .option('--show <n>', 'số vấn đề in ra / problems to print', '40')
    .action(async (options) => {
      if (!options.threeLevel && !options.twoLevel && !options.merges) {
        throw new Error(
          'Cần ít nhất một tệp: --three-level, --two-level hoặc --merges / give at least one file',
        );
      }
      const threeLevel = options.threeLevel
        ? readList(options.threeLevel, ThreeLevelList, 'danh mục 3 cấp')
        : undefined;
      const twoLevel = options.twoLevel
        ? readList(options.twoLevel, TwoLevelList, 'danh mục 2 cấp')
        : undefined;
      const merges = options.merges ? readList(options.merges, MergesMap, 'bảng sáp nhập') : undefined;
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const report = await importUnits(database.db, systemContext(), {
          threeLevel,
          twoLevel,
          merges,
          reformDate: options.reformDate,
          since: options.since,
          resolution: options.resolution ?? null,
          exclude: parseExclusions(options.exclude),
          dryRun: options.dryRun,
          onProgress: (step, done, total) => {
            // On a terminal the line is redrawn; in a log each step is written once, when done.
            if (process.stderr.isTTY) {
              process.stderr.write(`\r  ${step}: ${done}/${total}   ${done === total ? '\n' : ''}`);
            } else if (done === total) {
              process.stderr.write(`  ${step}: ${done}/${total}\n`);
            }
          },
        });
        printImportReport(report, Number(options.show));
        if (options.report) fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
        if (options.dryRun) console.log('Chạy thử: không ghi gì / dry run: nothing written');
      } finally {
        await database.close();
      }
    });
}
