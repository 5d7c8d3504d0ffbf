import { type EvaluationItem, valueText } from '@doanket/domain';

export type IndicatorStatus = EvaluationItem['status'];
export type Period = 'year' | 'q1' | 'q2' | 'q3' | 'q4';
export const periods: readonly Period[] = ['year', 'q1', 'q2', 'q3', 'q4'];
export const quarters: readonly Period[] = ['q1', 'q2', 'q3', 'q4'];

export type Evaluation = {
  unitCode: string;
  unitName: string;
  items: EvaluationItem[];
};

export type MatrixCell = { value: number | null; text: string; status: IndicatorStatus };
export type MatrixRow = {
  unitCode: string;
  unitName: string;
  isSelf: boolean;
  cells: Record<string, MatrixCell>;
};
export type MatrixColumn = { key: string; name: string; target: string; source: EvaluationItem['source'] };
export type Matrix = { columns: MatrixColumn[]; rows: MatrixRow[] };

/** Traffic light of a status: green when met or exceeded, amber not yet, red missed, grey without data. */
export function statusColor(status: IndicatorStatus): { background: string; color: string } {
  switch (status) {
    case 'exceeded':
      return { background: '#b7eb8f', color: '#135200' };
    case 'met':
      return { background: '#d9f7be', color: '#237804' };
    case 'not_yet':
      return { background: '#ffe58f', color: '#874d00' };
    case 'missed':
      return { background: '#ffccc7', color: '#a8071a' };
    default:
      return { background: '#f0f0f0', color: '#595959' };
  }
}

/**
 * The dashboard's matrix: the unit itself first, then every unit below that contributes to any
 * indicator, in the order they first appear; a unit missing from an indicator has no data there.
 */
export function buildMatrix(evaluation: Evaluation): Matrix {
  const columns = evaluation.items.map((item) => ({
    key: item.key,
    name: item.name,
    target: item.target,
    source: item.source,
  }));
  const self: MatrixRow = {
    unitCode: evaluation.unitCode,
    unitName: evaluation.unitName,
    isSelf: true,
    cells: {},
  };
  const below = new Map<string, MatrixRow>();
  for (const item of evaluation.items) {
    self.cells[item.key] = { value: item.value, text: item.valueText, status: item.status };
    for (const unit of item.contributing) {
      let row = below.get(unit.unitCode);
      if (!row) {
        row = { unitCode: unit.unitCode, unitName: unit.unitName, isSelf: false, cells: {} };
        below.set(unit.unitCode, row);
      }
      row.cells[item.key] = {
        value: unit.value,
        text: valueText(item.kind, item.unitOfMeasure, unit.value),
        status: unit.status,
      };
    }
  }
  for (const row of below.values()) {
    for (const column of columns) {
      row.cells[column.key] ??= { value: null, text: '—', status: 'no_data' };
    }
  }
  return { columns, rows: [self, ...below.values()] };
}

/** Each indicator's value at the end of Q1…Q4 (null where there is none), from the four quarters' evaluations. */
export function quarterSeries(
  byQuarter: readonly (Evaluation | undefined)[],
): Record<string, (number | null)[]> {
  const series: Record<string, (number | null)[]> = {};
  byQuarter.forEach((evaluation, index) => {
    for (const item of evaluation?.items ?? []) {
      series[item.key] ??= [null, null, null, null];
      const values = series[item.key];
      if (values) values[index] = item.value;
    }
  });
  return series;
}

/** The bars of "% of target": indicators with a percentage, rounded to one decimal. */
export function percentBars(evaluation: Evaluation): { key: string; name: string; percent: number }[] {
  return evaluation.items.flatMap((item) =>
    item.percent === null
      ? []
      : [{ key: item.key, name: item.name, percent: Math.round(item.percent * 10) / 10 }],
  );
}
