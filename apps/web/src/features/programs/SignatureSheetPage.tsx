import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { formatMoney, formatNumber, moneyInWords } from '@doanket/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAppHref } from '../../lib/url-state';
import { usePageUnit } from '../households/use-page-unit';
import { givenText } from './program-labels';
import { allDistributionsQuery, coverageByUnitQuery, programQuery } from './programs.api';
import './signature-sheet.css';

/**
 * The list households sign when they receive support, printed on A4: the national title, the
 * programme, one row per household with an empty column to sign, the total, place and date, and
 * the signatures of who drew it up and who approved it. A reversed payment is left out.
 */
export function SignatureSheetPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const unit = usePageUnit();
  const href = useAppHref();
  const program = useQuery(programQuery(id));
  const scope = useQuery(coverageByUnitQuery(id, unit));
  const rows = useQuery(allDistributionsQuery(id, unit));

  useEffect(() => {
    if (program.data) document.title = `${t('sheet.title')} — ${program.data.name}`;
  }, [program.data, t]);

  const error = program.error ?? scope.error ?? rows.error;
  if (error) {
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!program.data || !scope.data || !rows.data)
    return <Spin style={{ display: 'block', margin: '96px auto' }} />;

  const data = program.data;
  const listed = rows.data.filter((row) => !row.reversed);
  const total = listed.reduce((sum, row) => sum + row.amount, 0);
  const itemsValue = listed.reduce((sum, row) => sum + row.itemsValue, 0);
  const unitName = scope.data.unit.unitName;

  return (
    <div>
      <div className="signature-sheet-toolbar no-print">
        <Link to={href(`/programs/${data.id}`)}>
          <Button icon={<ArrowLeftOutlined />}>{t('sheet.back')}</Button>
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="sheet-print"
        >
          {t('sheet.print')}
        </Button>
      </div>
      {listed.length === 0 ? (
        <Alert className="no-print" type="info" showIcon title={t('sheet.empty')} style={{ margin: 16 }} />
      ) : null}
      <article className="signature-sheet" data-testid="signature-sheet">
        <header className="sheet-heading">
          <div>
            <p className="sheet-upper">{t('sheet.committee')}</p>
            <p className="sheet-upper">
              <strong>{unitName}</strong>
            </p>
          </div>
          <div>
            <p>
              <strong>{t('sheet.nationalTitle')}</strong>
            </p>
            <p>
              <span className="sheet-motto">{t('sheet.motto')}</span>
            </p>
          </div>
        </header>
        <h1>{t('sheet.title')}</h1>
        <p className="sheet-subtitle" data-testid="sheet-program">
          {data.name}
        </p>
        <p className="sheet-note">
          {data.decisionNo
            ? t('sheet.decision', {
                number: data.decisionNo,
                date: data.decidedOn ? formatDate(data.decidedOn) : '…',
              })
            : t('sheet.period', { from: formatDate(data.periodFrom), to: formatDate(data.periodTo) })}
        </p>
        <table data-testid="sheet-table">
          <thead>
            <tr>
              <th style={{ width: '10mm' }}>{t('sheet.col.number')}</th>
              <th style={{ width: '22mm' }}>{t('sheet.col.code')}</th>
              <th>{t('sheet.col.head')}</th>
              <th>{t('sheet.col.address')}</th>
              <th style={{ width: '34mm' }}>{t('sheet.col.given')}</th>
              <th>{t('sheet.col.sign')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((row, index) => (
              <tr key={row.id} data-testid="sheet-row">
                <td className="sheet-number">{index + 1}</td>
                <td className="sheet-code">{row.householdCode ?? '—'}</td>
                <td>
                  {row.headName ?? t('distribution.erased')}
                  {row.personName ? <div>{t('distribution.for', { name: row.personName })}</div> : null}
                </td>
                <td>{row.address ?? ''}</td>
                <td className="sheet-money">{givenText(row)}</td>
                <td className="sheet-sign" />
              </tr>
            ))}
            <tr className="sheet-total" data-testid="sheet-total">
              <td colSpan={4}>{t('sheet.total', { count: formatNumber(listed.length) })}</td>
              <td className="sheet-money">
                {total > 0 || itemsValue === 0 ? <div>{formatMoney(total)}</div> : null}
                {itemsValue > 0 ? (
                  <div>{t('sheet.itemsValue', { amount: formatMoney(itemsValue) })}</div>
                ) : null}
              </td>
              <td />
            </tr>
          </tbody>
        </table>
        {total > 0 ? (
          <p className="sheet-words">{t('sheet.inWords', { words: moneyInWords(total) })}</p>
        ) : null}
        <p className="sheet-place-date">
          {t('sheet.placeDate', { place: unitName, year: data.periodFrom.slice(0, 4) })}
        </p>
        <section className="sheet-signatures">
          <div>
            <p>
              <strong>{t('sheet.preparer')}</strong>
            </p>
            <p>
              <em>{t('sheet.signHint')}</em>
            </p>
            <div className="sheet-signature-space" />
          </div>
          <div>
            <p>
              <strong>{t('sheet.approver')}</strong>
            </p>
            <p>
              <em>{t('sheet.stampHint')}</em>
            </p>
            <div className="sheet-signature-space" />
          </div>
        </section>
      </article>
    </div>
  );
}
