import { formatNumber } from '@doanket/domain';
import type { Command } from 'commander';
import { loadConfig } from '../../lib/config';
import { openConfiguredDatabase } from '../../server';
import { findFund, listFundIds } from './ledger.repository';
import { verifyFund } from './ledger.service';

/** `doanket ledger verify [--fund ID]`: recompute every fund's hash chain, lines and kept totals. */
export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('Sổ quỹ / the funds’ ledger');

  ledger
    .command('verify')
    .description(
      'Tính lại chuỗi băm, bút toán kép và số dư của sổ quỹ, chỉ ra bút toán đầu tiên không khớp / recompute hash chains and balances, naming the first entry that does not match',
    )
    .option('--fund <id>', 'chỉ một quỹ / one fund only')
    .action(async (options: { fund?: string }) => {
      const database = await openConfiguredDatabase(loadConfig());
      try {
        let fundIds: string[];
        if (options.fund) {
          const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.fund);
          const fund = isUuid ? await findFund(database.db, options.fund) : null;
          if (!fund) {
            console.error(`Không tìm thấy quỹ / no such fund: ${options.fund}`);
            process.exitCode = 2;
            return;
          }
          fundIds = [fund.id];
        } else {
          fundIds = await listFundIds(database.db);
        }
        let broken = 0;
        let entries = 0;
        for (const [index, fundId] of fundIds.entries()) {
          const fund = await findFund(database.db, fundId);
          const result = await verifyFund(database.db, fundId);
          entries += result.entries;
          const label = `[${index + 1}/${fundIds.length}] ${fund?.name ?? fundId} (${fundId})`;
          if (result.ok) {
            console.log(
              `${label}: khớp / ok — ${formatNumber(result.entries)} bút toán / entries, ${result.headHash}`,
            );
          } else {
            broken += 1;
            const first = result.firstBrokenEntry;
            console.log(
              `${label}: KHÔNG KHỚP / BROKEN — bút toán số / entry #${first?.seq ?? '?'} (${first?.id ?? '?'}): ${first?.problem ?? ''}`,
            );
          }
        }
        console.log(
          `Đã kiểm tra ${formatNumber(fundIds.length)} quỹ, ${formatNumber(entries)} bút toán; ${broken} quỹ không khớp / ` +
            `checked ${fundIds.length} funds, ${entries} entries; ${broken} broken`,
        );
        if (broken > 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
