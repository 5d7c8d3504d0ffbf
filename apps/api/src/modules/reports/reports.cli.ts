import fs from 'node:fs';
import path from 'node:path';
import { type ReportFormat, reportFormats } from '@doanket/domain';
import type { Command } from 'commander';
import { AppError } from '../../lib/app-error';
import { loadConfig } from '../../lib/config';
import { openConfiguredDatabase } from '../../server';
import { buildAnnualReport, cliActor } from './annual-report.service';
import { renderAnnualReport } from './reports.routes';

/** `doanket report annual --unit CODE --year YYYY --out FILE.docx|.pdf|.xlsx` */
export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('Báo cáo / reports');

  report
    .command('annual')
    .description(
      'Báo cáo tổng kết năm của một đơn vị, số liệu lấy từ dữ liệu / the year-end report of a unit, figures from the data',
    )
    .requiredOption('--unit <code>', 'mã đơn vị / unit code, e.g. 021')
    .requiredOption('--year <year>', 'năm / year, e.g. 2021')
    .requiredOption('--out <file>', 'tệp ghi ra / output file: .docx, .pdf or .xlsx')
    .action(async (options: { unit: string; year: string; out: string }) => {
      const format = path.extname(options.out).slice(1).toLowerCase() as ReportFormat;
      if (!reportFormats.includes(format)) {
        console.error(
          `Tệp phải có đuôi .docx, .pdf hoặc .xlsx / the file must end in .docx, .pdf or .xlsx: ${options.out}`,
        );
        process.exitCode = 2;
        return;
      }
      const year = Number(options.year);
      if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2100) {
        console.error(`Năm không hợp lệ / invalid year: ${options.year}`);
        process.exitCode = 2;
        return;
      }
      const started = performance.now();
      console.error(
        `Đang lập báo cáo tổng kết năm ${year} của ${options.unit} / building the ${year} report of ${options.unit}…`,
      );
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const ctx = { actor: cliActor, requestId: null };
        const data = await buildAnnualReport(database.db, ctx, { unitCode: options.unit, year });
        const file = await renderAnnualReport(data, format);
        fs.writeFileSync(options.out, file);
        const kb = Math.max(1, Math.round(file.length / 1024));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Đã ghi ${options.out} (${kb} KB, ${seconds.replace('.', ',')} s) / wrote ${options.out} (${kb} KB, ${seconds} s)`,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const reason =
          error.key === 'unit.not_found'
            ? `Không có đơn vị mã / no unit with code ${options.unit}`
            : error.key === 'reports.unit_not_in_year'
              ? `Đơn vị ${options.unit} không tồn tại năm ${year} / the unit did not exist in ${year}`
              : error.message;
        console.error(reason);
        process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
