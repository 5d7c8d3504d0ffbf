import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { systemContext } from '../../lib/context';
import { openConfiguredDatabase } from '../../server';
import { rebuildFigures } from './stats.service';

/** `doanket figures check|rebuild`: the figures kept per unit (self-governance, households, cultural families, Tết gifts). */
export function registerTeamsCommands(program: Command): void {
  const figures = program
    .command('figures')
    .description(
      'Số liệu lưu sẵn theo ngày: tự quản, hộ gia đình, gia đình văn hóa, quà Tết / figures kept by date: self-governance, households, cultural families, Tết gifts',
    );

  const run = async (apply: boolean) => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const result = await rebuildFigures({ db: database.db, ctx: systemContext(), apply });
      const wrong = Object.values(result).reduce((total, rows) => total + rows, 0);
      console.log(
        `Sai lệch so với hồ sơ / rows differing from the records: ${result.teams} (tổ, nhóm / teams), ${result.households} (hộ / households), ${result.culturalFamilies} (gia đình văn hóa / cultural families), ${result.tetGifts} (quà Tết / Tết gifts)` +
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
