/**
 * Entries posted per second through `postEntry` — the fund locked, the head of its chain read,
 * SHA-256 over the canonical entry, the entry and its lines written, the database's checks (lines
 * repeat their entry, double entry at commit), the kept day totals and the audit event — one
 * transaction per entry, as a donation or a payment posts it. Against, in the same run and the same
 * database, plain inserts of the same entries and lines, one transaction each: (a) into the ledger
 * tables (their triggers on) with no lock, chain or audit; (b) into bare tables of the same columns
 * and keys, without triggers. Medians of several runs.
 * Run: npm run bench:ledger-post (PGlite) or scripts/with-postgres.sh npm run bench:ledger-post (both).
 */
import type { LedgerLine } from '@doanket/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../apps/api/src/db/client';
import { systemContext } from '../apps/api/src/lib/context';
import * as fundsRepo from '../apps/api/src/modules/funds/funds.repository';
import { insertEntry } from '../apps/api/src/modules/funds/ledger.repository';
import { postEntry, verifyFund } from '../apps/api/src/modules/funds/ledger.service';
import { insertUnit, insertVersion } from '../apps/api/src/modules/units/units.repository';
import { freshDatabase, kinds, median } from './common';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const count = Number(process.env.LEDGER_ENTRIES ?? 3_000);
const FUNDS = 20;

// A fixed pseudo-random sequence: every run posts the same entries.
let seed = 20_211_231;
const random = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};

type Planned = {
  fund: number;
  entryDate: string;
  kind: 'donation' | 'support';
  memo: string;
  lines: LedgerLine[];
};
const planned: Planned[] = Array.from({ length: count }, (_, i) => {
  const amount = (1 + random(500)) * 10_000;
  const day = new Date(Date.UTC(2021, 0, 1 + Math.floor((i * 365) / count))).toISOString().slice(0, 10);
  const donation = random(5) > 0;
  return {
    fund: i % FUNDS,
    entryDate: day,
    kind: donation ? 'donation' : 'support',
    memo: donation ? 'Tiếp nhận ủng hộ bằng tiền mặt — VNN2021-HN' : 'Chi hỗ trợ TET2021-00610',
    lines: donation
      ? [
          { account: 'cash', amount },
          { account: 'donations', amount: -amount },
        ]
      : [
          { account: 'support', amount },
          { account: 'cash', amount: -amount },
        ],
  };
});

async function buildFunds(db: Db, unitId: string, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < FUNDS; i += 1) {
    const name = `Quỹ ${label} ${i + 1}`;
    ids.push(
      await fundsRepo.insertFund(db, {
        unitId,
        kind: 'poor',
        name,
        searchName: name.toLowerCase(),
        openedOn: '2020-01-01',
      }),
    );
  }
  return ids;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const lines: string[] = [];
for (const kind of kinds()) {
  const posted: number[] = [];
  const plain: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { database, dispose } = await freshDatabase(kind);
    try {
      await database.migrate();
      const db = database.db;
      const unitId = await insertUnit(db, 'province');
      await insertVersion(db, {
        unitId,
        code: '01',
        name: 'Thành phố Hà Nội',
        kind: 'province',
        subkind: 'thanh_pho_tw',
        parentUnitId: null,
        validFrom: '2008-08-01',
        validTo: null,
        resolution: null,
      });
      const chained = await buildFunds(db, unitId, 'chuỗi');
      const unchained = await buildFunds(db, unitId, 'không chuỗi');
      await db.execute(
        sql`CREATE TABLE bench_entries (LIKE ledger_entries INCLUDING DEFAULTS INCLUDING INDEXES)`,
      );
      await db.execute(
        sql`CREATE TABLE bench_lines (LIKE ledger_lines INCLUDING DEFAULTS INCLUDING INDEXES)`,
      );
      const ctx = systemContext();

      posted.push(
        await timed(async () => {
          for (const entry of planned) {
            await db.transaction((tx) =>
              postEntry(tx, ctx, {
                fundId: chained[entry.fund]!,
                entryDate: entry.entryDate,
                kind: entry.kind,
                memo: entry.memo,
                lines: entry.lines,
              }),
            );
          }
        }),
      );
      const seqs = new Map<number, number>();
      const next = (fund: number) => {
        const seq = (seqs.get(fund) ?? 0) + 1;
        seqs.set(fund, seq);
        return seq;
      };
      plain.push(
        await timed(async () => {
          for (const entry of planned) {
            await db.transaction(async (tx) => {
              await insertEntry(
                tx,
                {
                  fundId: unchained[entry.fund]!,
                  seq: next(entry.fund),
                  entryDate: entry.entryDate,
                  kind: entry.kind,
                  campaignId: null,
                  memo: entry.memo,
                  reversesId: null,
                  reason: null,
                  detailDigest: null,
                  prevHash: '',
                  hash: '',
                  createdBy: null,
                },
                entry.lines,
              );
            });
          }
        }),
      );
      seqs.clear();
      bare.push(
        await timed(async () => {
          for (const entry of planned) {
            await db.transaction(async (tx) => {
              const fundId = unchained[entry.fund]!;
              const [row] = (await tx
                .execute(
                  sql`INSERT INTO bench_entries (fund_id, seq, entry_date, kind, memo, prev_hash, hash)
                    VALUES (${fundId}, ${next(entry.fund)}, ${entry.entryDate}, ${entry.kind}, ${entry.memo}, '', '')
                    RETURNING id`,
                )
                .then((result) =>
                  Array.isArray(result) ? result : (result as { rows: unknown[] }).rows,
                )) as Array<{
                id: string;
              }>;
              await tx.execute(
                sql`INSERT INTO bench_lines (entry_id, line_no, fund_id, entry_date, campaign_id, account, amount)
                    VALUES ${sql.join(
                      entry.lines.map(
                        (line, index) =>
                          sql`(${row!.id}, ${index + 1}, ${fundId}, ${entry.entryDate}, NULL, ${line.account}, ${line.amount})`,
                      ),
                      sql`, `,
                    )}`,
              );
            });
          }
        }),
      );
      // The chained funds must verify, or the figures would be of a broken ledger.
      for (const fundId of chained) {
        const verified = await verifyFund(db, fundId);
        if (!verified.ok) throw new Error(`fund ${fundId} does not verify: ${JSON.stringify(verified)}`);
      }
      console.error(
        `${kind} run ${run + 1}: postEntry ${Math.round(posted.at(-1)!)} ms, plain ${Math.round(plain.at(-1)!)} ms, bare ${Math.round(bare.at(-1)!)} ms for ${count} entries`,
      );
    } finally {
      await dispose();
    }
  }
  const rate = (ms: number) => Math.round((count / ms) * 1000);
  const [p, q, b] = [median(posted), median(plain), median(bare)];
  lines.push(
    `| ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${rate(p)}/s (${(p / count).toFixed(2)} ms) | ${rate(q)}/s (${(q / count).toFixed(2)} ms) | ${rate(b)}/s (${(b / count).toFixed(2)} ms) | ${(p / q).toFixed(1)}× / ${(p / b).toFixed(1)}× | ${runs} |`,
  );
}
console.log(`${count} entries of two lines over ${FUNDS} funds, one transaction per entry.\n`);
console.log(
  '| database | postEntry (chain, lock, checks, totals, audit) | plain inserts, ledger tables | plain inserts, bare tables | postEntry ÷ plain / ÷ bare | runs |',
);
console.log('|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
