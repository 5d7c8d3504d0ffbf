import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { type DonationMethod, donationMethods, formatMoney, formatNumber } from '@doanket/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFormat, fromDayjs, toDayjs, todayInVietnam } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref, useAsOf } from '../../lib/url-state';
import { canDo, useMe } from '../auth/use-me';
import { foldedSearch } from '../households/household-labels';
import { usePageUnit } from '../households/use-page-unit';
import {
  type BatchHeader,
  checkRow,
  type EntryRow,
  fillFromPaste,
  isBlankRow,
  isBlock,
  MAX_ROWS,
  newRow,
  parsePastedRows,
  placeErrors,
  type RowColumn,
  rowAmount,
  type SendOutcome,
  sendRows,
} from './donation-entry';
import {
  campaignDetailQuery,
  postDonation,
  refreshDonations,
  unitCampaignsQuery,
  unitFundsQuery,
} from './donations.api';
import { type EnterColumn, EntryGrid, enterColumns, type GridActions } from './EntryGrid';
import { ItemsEditor } from './ItemsEditor';
import './donations.css';

const initialRows = 5;

/**
 * Fast entry of a batch of donations: the fund, campaign, date and usual method at the top, then one
 * row per donation typed (Enter moves on) or pasted from a spreadsheet. "Ghi sổ" checks each row with
 * the API's contract and posts the good ones a few at a time, each with its own idempotency key.
 */
export function DonationEntryPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unit = usePageUnit();
  const href = useAppHref();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const today = todayInVietnam();
  const [header, setHeader] = useState<BatchHeader>(() => ({
    fundId: params.get('fund'),
    campaignId: params.get('campaign'),
    // Looking at an earlier day (a district before the 2025 reform, say), entries are of that day.
    receivedOn: at.localeCompare(today) < 0 ? at : today,
    method: 'cash',
  }));
  const [headerError, setHeaderError] = useState<string | null>(null);
  const [rows, setRows] = useState<EntryRow[]>(() =>
    Array.from({ length: initialRows }, () => newRow({ method: 'cash' })),
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [isSending, setSending] = useState(false);
  const [itemsFor, setItemsFor] = useState<string | null>(null);
  const cells = useRef(new Map<string, HTMLInputElement | null>());
  const [focusNext, setFocusNext] = useState<string | null>(null);

  const funds = useQuery({ ...unitFundsQuery(unit ?? '', at), enabled: Boolean(unit) });
  const fund = funds.data?.find((item) => item.id === header.fundId) ?? null;
  const campaigns = useQuery({ ...unitCampaignsQuery(fund?.unitCode ?? '', at), enabled: Boolean(fund) });
  const campaign = useQuery({
    ...campaignDetailQuery(header.campaignId ?? ''),
    enabled: Boolean(header.campaignId),
  });
  const knownItems = campaign.data?.targetItems ?? [];

  useEffect(() => {
    if (!focusNext) return;
    const element = cells.current.get(focusNext);
    if (element) {
      element.focus();
      element.select?.();
    }
    setFocusNext(null);
  }, [focusNext]);

  const counts = useMemo(() => {
    const filled = rows.filter((row) => !isBlankRow(row));
    return {
      filled: filled.length,
      recorded: rows.filter((row) => row.state === 'recorded').length,
      failed: rows.filter((row) => row.state === 'failed').length,
      amount: filled.reduce((sum, row) => sum + (rowAmount(row) ?? 0), 0),
    };
  }, [rows]);

  // The grid's handlers read the latest state through a ref, so they never change and rows can skip renders.
  const latest = useRef({ rows, header, isSending });
  latest.current = { rows, header, isSending };

  const actions = useMemo<GridActions>(() => {
    const addRow = () => {
      if (latest.current.rows.length >= MAX_ROWS) return null;
      const row = newRow({ method: latest.current.header.method });
      setRows((previous) => [...previous, row]);
      return row;
    };
    const focusable = (row: EntryRow, column: EnterColumn) =>
      !latest.current.isSending &&
      row.state !== 'recorded' &&
      row.state !== 'sending' &&
      !(column === 'name' && (row.donorKind === 'anonymous' || row.donorKind === 'household')) &&
      !(column === 'amount' && row.method === 'in_kind');
    return {
      change: (uid, change) =>
        setRows((previous) =>
          previous.map((row) => {
            if (row.uid !== uid) return row;
            const cleared = { ...row.fieldErrors };
            for (const key of Object.keys(change)) {
              delete cleared[(key === 'amountText' ? 'amount' : key) as RowColumn];
            }
            return {
              ...row,
              ...change,
              fieldErrors: cleared,
              error: null,
              state: row.state === 'failed' ? 'draft' : row.state,
            };
          }),
        ),
      // Enter moves to the next field; on the last field of the last row it adds a row.
      enter: (event, uid, column) => {
        if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
        event.preventDefault();
        const current = latest.current.rows;
        const index = current.findIndex((row) => row.uid === uid);
        const start = enterColumns.indexOf(column) + 1;
        for (let rowIndex = index; rowIndex < current.length; rowIndex += 1) {
          const row = current[rowIndex];
          if (!row) continue;
          for (const next of enterColumns.slice(rowIndex === index ? start : 0)) {
            if (focusable(row, next)) {
              setFocusNext(`${row.uid}:${next}`);
              return;
            }
          }
        }
        const added = addRow();
        if (added) setFocusNext(`${added.uid}:name`);
      },
      paste: (event, uid) => {
        const text = event.clipboardData.getData('text');
        if (!isBlock(text)) return;
        event.preventDefault();
        const method = latest.current.header.method;
        setRows((previous) =>
          fillFromPaste(
            previous,
            previous.findIndex((row) => row.uid === uid),
            parsePastedRows(text),
            { method },
          ),
        );
      },
      openItems: (uid) => setItemsFor(uid),
      remove: (uid) => setRows((previous) => previous.filter((row) => row.uid !== uid)),
      cell: (uid, column, element) => {
        const key = `${uid}:${column}`;
        if (element) cells.current.set(key, element);
        else cells.current.delete(key);
      },
      donationHref: (id) => href(`/donations/${id}`),
    };
  }, [href]);

  if (!canDo(me, 'ledger.post')) {
    return <Result status="403" title={t('donations.entry.notTreasurer')} />;
  }
  if (!unit) {
    return (
      <Card title={t('donations.entry.title')}>
        <Empty description={t('donations.pickUnit')} />
      </Card>
    );
  }

  const errorOf = (outcome: SendOutcome & { ok: false }) => {
    if (outcome.code === 'network') return { fieldErrors: {}, error: t('error.network') };
    const placed = placeErrors(outcome.fields, lang);
    const whole = lang === 'en' ? outcome.messageEn : outcome.message;
    return { ...placed, error: placed.error ?? (Object.keys(placed.fieldErrors).length > 0 ? null : whole) };
  };

  const submit = async () => {
    if (!header.fundId) {
      setHeaderError(t('donations.entry.fundRequired'));
      return;
    }
    setHeaderError(null);
    const candidates = rows.filter((row) => row.state !== 'recorded' && !isBlankRow(row));
    if (candidates.length === 0) {
      setHeaderError(t('donations.entry.nothing'));
      return;
    }
    const toSend: Array<{ uid: string; idempotencyKey: string; body: Parameters<typeof postDonation>[0] }> =
      [];
    const checked = new Map<string, Partial<EntryRow>>();
    for (const row of candidates) {
      const check = checkRow(row, header, lang);
      if (check.ok) {
        toSend.push({ uid: row.uid, idempotencyKey: row.idempotencyKey, body: check.body });
        checked.set(row.uid, { state: 'sending', error: null, fieldErrors: {} });
      } else {
        checked.set(row.uid, { state: 'failed', error: check.error, fieldErrors: check.fieldErrors });
      }
    }
    setRows((previous) => previous.map((row) => ({ ...row, ...(checked.get(row.uid) ?? {}) })));
    if (toSend.length === 0) return;
    setSending(true);
    setProgress({ done: 0, total: toSend.length });
    try {
      await sendRows(toSend, postDonation, (uid, outcome) => {
        setProgress((previous) => (previous ? { ...previous, done: previous.done + 1 } : previous));
        setRows((previous) =>
          previous.map((row) => {
            if (row.uid !== uid) return row;
            if (outcome.ok) {
              return {
                ...row,
                state: 'recorded',
                receiptNumber: outcome.receiptNumber,
                donationId: outcome.id,
                error: null,
                fieldErrors: {},
              };
            }
            return { ...row, state: 'failed', ...errorOf(outcome) };
          }),
        );
      });
    } finally {
      setSending(false);
      await refreshDonations(client);
    }
  };

  const clearRecorded = () =>
    setRows((previous) => {
      const left = previous.filter((row) => row.state !== 'recorded');
      return left.length > 0 ? left : [newRow({ method: header.method })];
    });

  const itemsRow = rows.find((row) => row.uid === itemsFor) ?? null;
  const percent = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;

  return (
    <Card
      title={t('donations.entry.title')}
      extra={
        <Link to={href('/donations', { fund: header.fundId, campaign: header.campaignId })}>
          <Button data-testid="donation-entry-list">{t('donations.entry.toList')}</Button>
        </Link>
      }
    >
      <Form layout="vertical" requiredMark={false}>
        <Row gutter={[12, 0]}>
          <Col xs={24} md={12} xl={7}>
            <Form.Item label={t('donations.fund')} required>
              <Select
                showSearch={foldedSearch}
                value={header.fundId ?? undefined}
                placeholder={t('donations.entry.pickFund')}
                loading={funds.isFetching}
                disabled={isSending}
                onChange={(fundId: string) =>
                  setHeader((previous) => ({ ...previous, fundId, campaignId: null }))
                }
                options={(funds.data ?? []).map((item) => ({
                  value: item.id,
                  label: item.unitCode === unit ? item.name : `${item.name} — ${item.unitName}`,
                }))}
                popupMatchSelectWidth={false}
                data-testid="donation-fund"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={7}>
            <Form.Item label={t('donations.campaign')}>
              <Select
                allowClear
                showSearch={foldedSearch}
                value={header.campaignId ?? undefined}
                placeholder={t('donations.entry.noCampaign')}
                disabled={!fund || isSending}
                onChange={(campaignId?: string) =>
                  setHeader((previous) => ({ ...previous, campaignId: campaignId ?? null }))
                }
                options={(campaigns.data ?? []).map((item) => ({
                  value: item.id,
                  label: `${item.code} — ${item.name}`,
                }))}
                popupMatchSelectWidth={false}
                data-testid="donation-campaign"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('donations.receivedOn')} required>
              <DatePicker
                value={toDayjs(header.receivedOn)}
                format={dateFormat}
                allowClear={false}
                disabled={isSending}
                disabledDate={(value) => fromDayjs(value) > today}
                onChange={(value) =>
                  value && setHeader((previous) => ({ ...previous, receivedOn: fromDayjs(value) }))
                }
                style={{ width: '100%' }}
                data-testid="donation-date"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={6}>
            <Form.Item label={t('donations.entry.defaultMethod')}>
              <Select
                value={header.method}
                disabled={isSending}
                onChange={(method: DonationMethod) => {
                  setHeader((previous) => ({ ...previous, method }));
                  // Rows nobody has typed in yet follow the new default.
                  setRows((previous) =>
                    previous.map((row) =>
                      isBlankRow(row) && row.state === 'draft' ? { ...row, method } : row,
                    ),
                  );
                }}
                options={donationMethods.map((value) => ({ value, label: t(`donations.method.${value}`) }))}
                data-testid="donation-method-default"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {funds.error ? <ErrorAlert error={funds.error} /> : null}
      {headerError ? (
        <Alert
          type="error"
          showIcon
          title={headerError}
          style={{ marginBottom: 12 }}
          data-testid="donation-header-error"
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('donations.entry.help')}</Typography.Paragraph>
      <EntryGrid
        rows={rows}
        isLocked={isSending}
        householdUnit={fund?.unitCode ?? unit}
        receivedOn={header.receivedOn}
        actions={actions}
      />
      <Row gutter={[12, 12]} align="middle" style={{ marginTop: 16 }}>
        <Col flex="auto">
          <Space wrap>
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setRows((previous) =>
                  previous.length >= MAX_ROWS ? previous : [...previous, newRow({ method: header.method })],
                )
              }
              disabled={rows.length >= MAX_ROWS || isSending}
              data-testid="donation-add-row"
            >
              {t('donations.entry.addRow')}
            </Button>
            {counts.recorded > 0 && !isSending ? (
              <Button onClick={clearRecorded} data-testid="donation-clear-recorded">
                {t('donations.entry.clearRecorded')}
              </Button>
            ) : null}
            <Typography.Text type="secondary" data-testid="donation-totals">
              {t('donations.entry.totals', {
                rows: formatNumber(counts.filled),
                max: formatNumber(MAX_ROWS),
                amount: formatMoney(counts.amount),
                recorded: formatNumber(counts.recorded),
              })}
            </Typography.Text>
          </Space>
        </Col>
        <Col>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={isSending}
            onClick={submit}
            data-testid="donation-submit"
          >
            {t('donations.entry.submit')}
          </Button>
        </Col>
      </Row>
      {progress ? (
        <div style={{ marginTop: 12 }} data-testid="donation-progress">
          <Progress
            percent={percent}
            status={isSending ? 'active' : counts.failed > 0 ? 'exception' : 'success'}
            format={() => `${progress.done} / ${progress.total}`}
          />
          {!isSending && counts.failed > 0 ? (
            <Typography.Text type="danger" data-testid="donation-failed-count">
              {t('donations.entry.failed', { count: formatNumber(counts.failed) })}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
      {itemsRow ? (
        <ItemsEditor
          items={itemsRow.items}
          known={knownItems}
          onClose={() => setItemsFor(null)}
          onSave={(items) => {
            actions.change(itemsRow.uid, { items });
            setItemsFor(null);
          }}
        />
      ) : null}
    </Card>
  );
}
