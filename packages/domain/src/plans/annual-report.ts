// What the year-end report (báo cáo tổng kết) is built from: every figure comes from the data at
// generation time; the narrative paragraphs are the only text people write, and they are saved.
import type { IndicatorStatus } from './indicators';

export type ReportIndicatorRow = {
  /** The target's number in the plan (1–8 for the reference district). */
  target: number;
  name: string;
  unitOfMeasure: string;
  /** The target as written: "≥ 97%", "2–3 cuộc". */
  targetText: string;
  value: number | null;
  /** The result as written: "98,2%", "3 cuộc". */
  valueText: string;
  /** Share of the target reached, in percent. */
  percent: number | null;
  status: IndicatorStatus;
  source: 'computed' | 'manual';
};

export type ReportFigure = { label: string; value: string; previous?: string | null };

export type ReportSection = {
  /** Heading as in the document ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2021"). */
  heading: string;
  /** Editable narrative paragraphs, in order. */
  paragraphs: string[];
  /** Figures from the modules shown in this section (with last year's for comparison). */
  figures: ReportFigure[];
};

export type AnnualReportData = {
  year: number;
  unit: { code: string; name: string; kind: string };
  /** "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM" over "QUẬN BẮC TỪ LIÊM". */
  issuingBody: { parent: string; name: string };
  /** "Số: 15/BC-MTTQ". */
  number: string;
  /** Place of the date line: "Bắc Từ Liêm". */
  place: string;
  /** ISO date of the date line. */
  date: string;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  indicators: ReportIndicatorRow[];
  /** Next year's targets, as written in the plan. */
  nextYearTargets: Array<{ target: number; text: string }>;
  signature: { role: string; onBehalf: string; name: string };
  recipients: string[];
};
