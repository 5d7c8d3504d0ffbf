import { formatMoney, formatNumber } from '@doanket/domain';
import { InputNumber, Progress, Space, Tag, Typography } from 'antd';
import type { Translate } from '../../lib/i18n';
import type { DistributionRow, ProgramKind } from './programs.api';

const kindColors: Record<ProgramKind, string> = {
  tet_gift: 'red',
  solidarity_house: 'gold',
  student_device: 'blue',
  cash: 'green',
  health_insurance: 'cyan',
  other: 'default',
};

export function ProgramKindTag({ kind, t }: { kind: ProgramKind; t: Translate }) {
  return <Tag color={kindColors[kind]}>{t(`program.kind.${kind}`)}</Tag>;
}

/** Coverage as a bar with the counts beside it; "—" when no household is eligible. */
export function CoverageBar({
  coverage,
  t,
  testId,
}: {
  coverage: { eligible: number; supported: number; percent: number | null };
  t: Translate;
  testId?: string;
}) {
  if (coverage.percent === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('program.coverage.none')}
      </Typography.Text>
    );
  }
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid={testId}>
      <Progress percent={coverage.percent} size="small" format={(value) => `${value}%`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('program.coverage.counts', {
          supported: formatNumber(coverage.supported),
          eligible: formatNumber(coverage.eligible),
        })}
      </Typography.Text>
    </Space>
  );
}

const statusColors = { planned: 'default', paid: 'blue', confirmed: 'green' } as const;

export function DistributionStatusTag({
  row,
  t,
}: {
  row: Pick<DistributionRow, 'status' | 'reversed'>;
  t: Translate;
}) {
  if (row.reversed) return <Tag color="red">{t('distribution.status.reversed')}</Tag>;
  return <Tag color={statusColors[row.status]}>{t(`distribution.status.${row.status}`)}</Tag>;
}

/** What a household receives: money and items, in one line. */
export function givenText(row: Pick<DistributionRow, 'amount' | 'items'>): string {
  const parts: string[] = [];
  if (row.amount > 0) parts.push(formatMoney(row.amount));
  for (const item of row.items) parts.push(`${formatNumber(item.quantity)} ${item.name}`);
  return parts.join(' + ') || '—';
}

const moneyFormatter = (value: string | number | undefined) =>
  value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const moneyParser = (text: string | undefined) => Number((text ?? '').replace(/\D/g, '')) as never;

/** Whole đồng with dots between thousands, as Vietnamese write amounts. */
export function MoneyInput(props: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  testId?: string;
  id?: string;
  placeholder?: string;
}) {
  return (
    <InputNumber<number>
      id={props.id}
      value={props.value ?? null}
      onChange={(value) => props.onChange?.(value)}
      min={0}
      step={100_000}
      precision={0}
      formatter={moneyFormatter}
      parser={moneyParser}
      suffix="đ"
      placeholder={props.placeholder}
      style={{ width: '100%' }}
      data-testid={props.testId}
    />
  );
}
