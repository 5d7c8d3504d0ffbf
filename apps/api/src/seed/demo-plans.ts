import { indicatorLibrary } from '@doanket/domain';
import type { Db } from '../db/client';
import { indicatorValues } from '../db/schema/index';
import { recordAudit } from '../lib/audit';
import { systemContext } from '../lib/context';
import {
  ensureLibrary,
  findDefinitionsByKeys,
  insertPlan,
  insertPlanIndicators,
  listPlanIndicators,
  upsertUnitTargets,
} from '../modules/plans/plans.repository';
import { demoOldWards } from './demo-units';

/**
 * The demo district's plans: its 2021 plan (the year the reference figures come from) with the
 * values its wards reported, so the 2021 dashboard and year-end report have an indicators table,
 * and its 2022 plan with the eight targets of the domain brief, handed to its wards. Cultural
 * families, fund targets and Tết-gift coverage are never entered: they come from the records.
 */

export type DemoPlanWard = { code: string; name: string; unitId: string };

type Period = 'year' | 'q1' | 'q2' | 'q3' | 'q4';
type PlanSpec = {
  year: number;
  title: string;
  decisionNo: string;
  decidedOn: string;
  targets: Partial<Record<string, number>>;
  quarters: Partial<Record<string, Array<number | null>>>;
};

export const DEMO_PLAN_2021: PlanSpec = {
  year: 2021,
  title: 'Chương trình công tác Mặt trận năm 2021',
  decisionNo: '03/CTr-MTTQ-BTT',
  decidedOn: '2021-01-12',
  // 2021's targets were those of 2022 but for cultural families (95%).
  targets: { cultural_families: 95 },
  quarters: { supervisions: [1, 1, 2, 2] },
};

export const DEMO_PLAN_2022: PlanSpec = {
  year: 2022,
  title: 'Chương trình công tác Mặt trận năm 2022',
  decisionNo: '02/CTr-MTTQ-BTT',
  decidedOn: '2022-01-10',
  targets: {},
  quarters: {
    supervisions: [1, 1, 2, 2],
    cadres_trained: [25, 50, 75, 100],
    fund_targets: [25, 50, 75, 100],
  },
};

/** Targets of 2021 lowered for some wards: many new households, or many land disputes. */
const overrides2021 = [
  { ward: '00607', key: 'cultural_families', value: 90 },
  { ward: '00619', key: 'cultural_families', value: 93 },
  { ward: '00616', key: 'mediation_success', value: 80 },
] as const;

const wardOrder = demoOldWards.map((ward) => ward.code);

/** What each old ward reported for 2021, in the order of `wardOrder`. */
const wardYear2021: Record<string, number[]> = {
  mobilising_organisations: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 92.3, 100],
  representative_conferences: [100, 100, 95.5, 100, 100, 100, 100, 100, 94.7, 100, 100, 100, 100],
  supervisions: [2, 3, 3, 2, 1, 3, 4, 2, 3, 2, 3, 4, 2],
  inspection_boards_active: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 91.7, 100, 100],
  mediation_success: [88.2, 91.3, 84.6, 86.7, 80, 92.9, 95, 87.5, 85, 81.3, 90, 93.8, 88.9],
  cadres_trained: [100, 100, 100, 100, 100, 96.4, 100, 100, 100, 100, 100, 100, 100],
  committees_completing: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 94.7, 100],
  committees_excellent: [25, 20, 27.3, 18.8, 20, 22.7, 28, 16.7, 21.1, 23.8, 22.2, 17.4, 30],
};

/** The district's own figures for 2021 (its committee's work and the whole district's shares). */
const districtYear2021: Record<string, number> = {
  mobilising_organisations: 100,
  representative_conferences: 99.2,
  supervisions: 3,
  inspection_boards_active: 99.4,
  mediation_success: 88.6,
  cadres_trained: 99.7,
  committees_completing: 99.6,
  committees_excellent: 22.4,
};

/** Half-year review (sơ kết 6 tháng) of 2021, and the first quarter's mediation. */
const wardQuarters2021: Array<{ period: Period; key: string; values: Array<number | null> }> = [
  { period: 'q2', key: 'supervisions', values: [1, 1, 2, 1, 0, 1, 2, 1, 1, 1, 2, 2, 1] },
  {
    period: 'q2',
    key: 'mediation_success',
    values: [85.7, 90, 83.3, 87.5, 75, 91.7, 94.1, 85.7, 84.6, 80, 88.9, 92.3, 87.5],
  },
  {
    period: 'q1',
    key: 'mediation_success',
    values: [83.3, 100, null, 80, null, 90, 93.3, null, 85.7, 75, null, 88.9, null],
  },
];

/** The first values of 2022 some wards had entered by the end of March. */
const wardQuarters2022: Array<{ period: Period; key: string; values: Array<number | null> }> = [
  { period: 'q1', key: 'supervisions', values: [1, null, 1, null, 0, 1, 2, null, 1, null, null, 1, null] },
  {
    period: 'q1',
    key: 'cadres_trained',
    values: [30, null, 25, null, 20, 35.7, 40, null, null, 21.4, null, 26.1, null],
  },
];

export type DemoPlanValue = { year: number; unitCode: string; key: string; period: Period; value: number };

/** Every manual value the demo enters, in the order it enters them. */
export function demoPlanValues(): DemoPlanValue[] {
  const rows: DemoPlanValue[] = [];
  for (const [key, value] of Object.entries(districtYear2021)) {
    rows.push({ year: 2021, unitCode: '021', key, period: 'year', value });
  }
  for (const [key, perWard] of Object.entries(wardYear2021)) {
    for (const [index, unitCode] of wardOrder.entries()) {
      rows.push({ year: 2021, unitCode, key, period: 'year', value: perWard[index]! });
    }
  }
  const quarters = [
    ...wardQuarters2021.map((quarter) => ({ ...quarter, year: 2021 })),
    ...wardQuarters2022.map((quarter) => ({ ...quarter, year: 2022 })),
  ];
  for (const quarter of quarters) {
    for (const [index, unitCode] of wardOrder.entries()) {
      const value = quarter.values[index];
      if (value !== null && value !== undefined) {
        rows.push({ year: quarter.year, unitCode, key: quarter.key, period: quarter.period, value });
      }
    }
  }
  return rows;
}

/** ASCII of a Vietnamese line, for a PDF's standard font. */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '');

/** A one-page PDF with a line of text, standing for the scanned report a ward sends. */
export function evidencePdf(line: string): Buffer {
  const content = `BT /F1 12 Tf 56 780 Td (${ascii(line)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function createPlan(tx: Db, districtUnitId: string, spec: PlanSpec) {
  const definitions = await findDefinitionsByKeys(
    tx,
    indicatorLibrary.map((item) => item.key),
  );
  const planId = await insertPlan(tx, {
    unitId: districtUnitId,
    year: spec.year,
    title: spec.title,
    decisionNo: spec.decisionNo,
    decidedOn: spec.decidedOn,
  });
  await insertPlanIndicators(
    tx,
    indicatorLibrary.map((item, index) => ({
      planId,
      indicatorId: definitions.get(item.key)!.id,
      position: index + 1,
      targetNo: item.target,
      comparison: item.comparison,
      targetValue: spec.targets[item.key] ?? item.value,
      targetMax: item.max ?? null,
      quarterTargets: spec.quarters[item.key] ?? null,
    })),
  );
  const indicators = await listPlanIndicators(tx, planId);
  return { planId, byKey: new Map(indicators.map((item) => [item.definition.key, item])) };
}

export async function seedDemoPlans(
  tx: Db,
  options: { districtUnitId: string; districtName: string; wards: readonly DemoPlanWard[] },
): Promise<{ plans: number; overrides: number; values: number }> {
  await ensureLibrary(tx);
  const wards = wardOrder.map((code) => {
    const ward = options.wards.find((item) => item.code === code);
    if (!ward) throw new Error(`demo ward ${code} missing`);
    return ward;
  });
  const valueRow = (
    plan: Awaited<ReturnType<typeof createPlan>>,
    unit: { code: string; name: string; unitId: string },
    row: DemoPlanValue,
  ): typeof indicatorValues.$inferInsert => {
    const item = plan.byKey.get(row.key)!;
    const when = row.period === 'year' ? `năm ${row.year}` : `quý ${row.period.slice(1)}/${row.year}`;
    return {
      planIndicatorId: item.id,
      unitId: unit.unitId,
      period: row.period,
      value: row.value,
      note: `Theo báo cáo ${when} của ${unit.name}`,
      evidenceName: `bao-cao-${row.key.replace(/_/g, '-')}-${unit.code}-${row.period}-${row.year}.pdf`,
      evidenceType: 'application/pdf',
      evidence: evidencePdf(`${unit.name} - ${item.definition.name.slice(0, 60)} - ${when}: ${row.value}`),
      enteredBy: null,
    };
  };

  const plan2021 = await createPlan(tx, options.districtUnitId, DEMO_PLAN_2021);
  await upsertUnitTargets(
    tx,
    overrides2021.map((override) => {
      const item = plan2021.byKey.get(override.key)!;
      return {
        planIndicatorId: item.id,
        unitId: wards.find((ward) => ward.code === override.ward)!.unitId,
        comparison: item.comparison,
        targetValue: override.value,
        targetMax: item.targetMax,
      };
    }),
  );
  const plans = new Map([
    [DEMO_PLAN_2021.year, plan2021],
    [DEMO_PLAN_2022.year, await createPlan(tx, options.districtUnitId, DEMO_PLAN_2022)],
  ]);
  const units = new Map<string, { code: string; name: string; unitId: string }>([
    ['021', { code: '021', name: options.districtName, unitId: options.districtUnitId }],
    ...wards.map((ward) => [ward.code, ward] as const),
  ]);
  const rows = demoPlanValues().map((row) => valueRow(plans.get(row.year)!, units.get(row.unitCode)!, row));
  // One statement for the lot: the first start stays short (a row at a time costs half a second).
  await tx.insert(indicatorValues).values(rows);
  const values = rows.length;

  const summary = { plans: 2, overrides: overrides2021.length, values };
  await recordAudit(tx, systemContext(), {
    action: 'import',
    entityType: 'demo_plans',
    entityId: 'bac-tu-liem',
    unitId: options.districtUnitId,
    after: { ...summary, years: [DEMO_PLAN_2021.year, DEMO_PLAN_2022.year] },
  });
  return summary;
}
