import ExcelJS from 'exceljs';
import type { Db } from '../src/db/client';
import { pledges } from '../src/db/schema/index';

/** Files, requests and rows for the bank statement tests. */

const csvCell = (value: string, delimiter: string) =>
  value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** A bank's CSV export: preamble lines, a header row and the rows, as the bank writes them. */
export function statementCsv(
  rows: readonly (readonly string[])[],
  options: { delimiter?: string; bom?: boolean; preamble?: readonly string[] } = {},
): Buffer {
  const delimiter = options.delimiter ?? ',';
  const lines = [
    ...(options.preamble ?? []),
    ...rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)),
  ];
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function statementXlsx(rows: readonly unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sao kê');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body as a browser sends it, for Fastify inject. */
export async function multipartFile(
  file: Buffer,
  fileName = 'sao-ke.csv',
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([file]), fileName);
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type')! },
  };
}

/** A promise to give to a campaign through a fund. */
export async function buildPledge(
  db: Db,
  options: { fundId: string; campaignId: string; amount: number; donorName?: string; pledgedOn?: string },
): Promise<string> {
  const [row] = await db
    .insert(pledges)
    .values({
      fundId: options.fundId,
      campaignId: options.campaignId,
      donorKind: options.donorName ? 'company' : 'anonymous',
      donorName: options.donorName ?? null,
      amount: options.amount,
      pledgedOn: options.pledgedOn ?? '2021-01-05',
    })
    .returning({ id: pledges.id });
  if (!row) throw new Error('pledge not inserted');
  return row.id;
}
