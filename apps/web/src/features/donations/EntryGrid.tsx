import { DeleteOutlined, GiftOutlined } from '@ant-design/icons';
import {
  type DonationMethod,
  type DonorKind,
  donationMethods,
  donorKinds,
  formatNumber,
} from '@doanket/domain';
import { Button, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { type ClipboardEvent, type KeyboardEvent, memo } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { type EntryRow, formatAmountInput, type RowColumn, rowAmount } from './donation-entry';
import { HouseholdPicker } from './HouseholdPicker';

/** The fields Enter walks through, in order, on each row. */
export const enterColumns = ['name', 'amount', 'note'] as const;
export type EnterColumn = (typeof enterColumns)[number];

/** What a row asks of the page; the object stays the same between renders so rows can skip theirs. */
export type GridActions = {
  change: (uid: string, change: Partial<EntryRow>) => void;
  enter: (event: KeyboardEvent<HTMLInputElement>, uid: string, column: EnterColumn) => void;
  paste: (event: ClipboardEvent<HTMLInputElement>, uid: string) => void;
  openItems: (uid: string) => void;
  remove: (uid: string) => void;
  cell: (uid: string, column: EnterColumn, element: HTMLInputElement | null) => void;
  donationHref: (id: string) => string;
};

type RowProps = {
  row: EntryRow;
  index: number;
  isLocked: boolean;
  canRemove: boolean;
  householdUnit: string;
  receivedOn: string;
  actions: GridActions;
};

function FieldError({ row, column, testId }: { row: EntryRow; column: RowColumn; testId: string }) {
  const text = row.fieldErrors[column];
  return text ? (
    <Typography.Text type="danger" className="donation-grid-error" data-testid={`${testId}-error`}>
      {text}
    </Typography.Text>
  ) : null;
}

/** One donation of the batch. Re-renders only when its row, place or the lock changes. */
const GridRow = memo(function GridRow({
  row,
  index,
  isLocked,
  canRemove,
  householdUnit,
  receivedOn,
  actions,
}: RowProps) {
  const { t } = useI18n();
  const n = index + 1;
  const editable = !isLocked && row.state !== 'recorded' && row.state !== 'sending';
  const uid = row.uid;
  return (
    <tr
      className={`donation-grid-row donation-grid-row-${row.state}`}
      data-testid={`donation-row-${n}`}
      data-state={row.state}
    >
      <td className="donation-grid-n">{n}</td>
      <td>
        <Select
          size="small"
          value={row.donorKind}
          disabled={!editable}
          onChange={(donorKind: DonorKind) =>
            actions.change(uid, {
              donorKind,
              householdId: null,
              ...(donorKind === 'anonymous' || donorKind === 'household' ? { name: '' } : {}),
              ...(donorKind === 'anonymous' ? { publishName: false } : {}),
            })
          }
          options={donorKinds.map((value) => ({ value, label: t(`donations.kind.${value}`) }))}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
          data-testid={`donation-row-${n}-kind`}
        />
      </td>
      <td>
        {row.donorKind === 'household' ? (
          <HouseholdPicker
            unit={householdUnit}
            at={receivedOn}
            value={row.householdId}
            label={row.name}
            disabled={!editable}
            status={row.fieldErrors.name ? 'error' : undefined}
            onChange={(household) =>
              actions.change(uid, { householdId: household?.id ?? null, name: household?.name ?? '' })
            }
            testId={`donation-row-${n}-household`}
          />
        ) : (
          <Input
            size="small"
            ref={(input) => actions.cell(uid, 'name', input?.input ?? null)}
            value={row.donorKind === 'anonymous' ? '' : row.name}
            placeholder={row.donorKind === 'anonymous' ? t('donations.anonymous') : undefined}
            disabled={!editable || row.donorKind === 'anonymous'}
            status={row.fieldErrors.name ? 'error' : undefined}
            maxLength={200}
            onChange={(event) => actions.change(uid, { name: event.target.value })}
            onKeyDown={(event) => actions.enter(event, uid, 'name')}
            onPaste={(event) => actions.paste(event, uid)}
            data-testid={`donation-row-${n}-name`}
          />
        )}
        <FieldError row={row} column="name" testId={`donation-row-${n}-name`} />
      </td>
      <td className="donation-grid-center">
        <Checkbox
          checked={row.publishName}
          disabled={!editable || row.donorKind === 'anonymous'}
          onChange={(event) => actions.change(uid, { publishName: event.target.checked })}
          aria-label={t('donations.publish')}
          data-testid={`donation-row-${n}-publish`}
        />
      </td>
      <td>
        <Select
          size="small"
          value={row.method}
          disabled={!editable}
          onChange={(method: DonationMethod) => actions.change(uid, { method })}
          options={donationMethods.map((value) => ({ value, label: t(`donations.method.${value}`) }))}
          style={{ width: '100%' }}
          data-testid={`donation-row-${n}-method`}
        />
      </td>
      <td>
        {row.method === 'in_kind' ? (
          <Space size={4}>
            <Button
              size="small"
              icon={<GiftOutlined />}
              disabled={!editable}
              onClick={() => actions.openItems(uid)}
              data-testid={`donation-row-${n}-items`}
            >
              {row.items.length > 0
                ? t('donations.items.count', { count: row.items.length })
                : t('donations.items.edit')}
            </Button>
            <Typography.Text data-testid={`donation-row-${n}-amount`}>
              {formatNumber(rowAmount(row) ?? 0)}
            </Typography.Text>
          </Space>
        ) : (
          <Input
            size="small"
            inputMode="numeric"
            ref={(input) => actions.cell(uid, 'amount', input?.input ?? null)}
            value={row.amountText}
            disabled={!editable}
            status={row.fieldErrors.amount ? 'error' : undefined}
            suffix="đ"
            className="donation-grid-amount"
            onChange={(event) => actions.change(uid, { amountText: formatAmountInput(event.target.value) })}
            onKeyDown={(event) => actions.enter(event, uid, 'amount')}
            onPaste={(event) => actions.paste(event, uid)}
            data-testid={`donation-row-${n}-amount`}
          />
        )}
        <FieldError row={row} column="amount" testId={`donation-row-${n}-amount`} />
        <FieldError row={row} column="items" testId={`donation-row-${n}-items`} />
      </td>
      <td>
        <Input
          size="small"
          ref={(input) => actions.cell(uid, 'note', input?.input ?? null)}
          value={row.note}
          maxLength={500}
          disabled={!editable}
          onChange={(event) => actions.change(uid, { note: event.target.value })}
          onKeyDown={(event) => actions.enter(event, uid, 'note')}
          data-testid={`donation-row-${n}-note`}
        />
      </td>
      <td data-testid={`donation-result-${n}`} data-state={row.state}>
        {row.state === 'recorded' && row.donationId ? (
          <Link to={actions.donationHref(row.donationId)}>
            <Tag color="green">{t('donations.entry.recorded', { number: row.receiptNumber ?? '' })}</Tag>
          </Link>
        ) : row.state === 'sending' ? (
          <Tag color="blue">{t('donations.entry.sending')}</Tag>
        ) : row.error ? (
          <Typography.Text type="danger" className="donation-grid-error">
            {row.error}
          </Typography.Text>
        ) : row.state === 'failed' ? (
          <Typography.Text type="danger" className="donation-grid-error">
            {t('donations.entry.fix')}
          </Typography.Text>
        ) : null}
      </td>
      <td>
        <Button
          type="text"
          size="small"
          icon={<DeleteOutlined />}
          disabled={!editable || !canRemove}
          aria-label={t('donations.entry.removeRow')}
          title={t('donations.entry.removeRow')}
          onClick={() => actions.remove(uid)}
          data-testid={`donation-row-${n}-remove`}
        />
      </td>
    </tr>
  );
});

/** The batch as a light table: with 200 rows, each keystroke re-renders one row, not the grid. */
export function EntryGrid({
  rows,
  isLocked,
  householdUnit,
  receivedOn,
  actions,
}: {
  rows: readonly EntryRow[];
  isLocked: boolean;
  householdUnit: string;
  receivedOn: string;
  actions: GridActions;
}) {
  const { t } = useI18n();
  return (
    <div className="donation-grid" data-testid="donation-grid">
      <table>
        <colgroup>
          <col style={{ width: 40 }} />
          <col style={{ width: 140 }} />
          <col style={{ width: 230 }} />
          <col style={{ width: 64 }} />
          <col style={{ width: 125 }} />
          <col style={{ width: 170 }} />
          <col style={{ width: 140 }} />
          <col style={{ width: 140 }} />
          <col style={{ width: 36 }} />
        </colgroup>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('donations.donorKind')}</th>
            <th>{t('donations.donorName')}</th>
            <th className="donation-grid-center">{t('donations.publish')}</th>
            <th>{t('donations.method')}</th>
            <th>{t('donations.amount')}</th>
            <th>{t('donations.note')}</th>
            <th>{t('donations.entry.result')}</th>
            <th aria-label={t('donations.entry.removeRow')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <GridRow
              key={row.uid}
              row={row}
              index={index}
              isLocked={isLocked}
              canRemove={rows.length > 1}
              householdUnit={householdUnit}
              receivedOn={receivedOn}
              actions={actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
