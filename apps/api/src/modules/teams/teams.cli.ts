import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { systemContext } from '../../lib/context';
import { openConfiguredDatabase } from '../../server';
import { rebuildFigures } from './stats.service';

/** `doanket figures check|rebuild`: the self-governance and household figures kept per unit. */
export function registerTeamsCommands(program: Command): void {
  const figures = program
    .command('figures')
    .description('Số liệu tự quản và hộ gia đình theo ngày / self-governance and household figures by date');

  const run = async (apply: boolean) => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const result = await rebuildFigures({ db: database.db, ctx: systemContext(), apply });
      const wrong = result.teamRows + result.householdRows;
      console.log(
        `Sai lệch so với hồ sơ / rows differing from the records: ${result.teamRows} (tổ, nhóm / teams), ${result.householdRows} (hộ / households)` +
          (apply && wrong > 0 ? ' — đã tính lại / recomputed' : ''),
      );
      if (!apply && wrong > 0) process.exitCode = 1;
    } finally {
      await database.close();
    }
  };

  figures
    .command('check')
    .description(
      'So số liệu lưu sẵn với hồ sơ, không ghi gì / compare the kept figures with the records, writing nothing',
    )
    .action(() => run(false));

  figures
    .command('rebuild')
    .description(
      'Tính lại số liệu từ hồ sơ (sau khi khôi phục hay sửa tay) / recompute the figures from the records',
    )
    .action(() => run(true));
}
