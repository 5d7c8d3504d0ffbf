import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, previousDay } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { useAsOf } from '../../lib/url-state';
import { useMe } from '../auth/use-me';

/**
 * An account granted only on units that no longer exist on the chosen date (e.g. an old ward
 * after 1 July 2025) would see an empty tree; say why and offer the last day they existed.
 */
export function ExpiredGrantsNotice() {
  const { t } = useI18n();
  const me = useMe();
  const { at } = useAsOf();
  const unitGrants = me.grants.filter((grant) => grant.unitCode);
  if (unitGrants.length === 0 || me.grants.some((grant) => grant.unitCode === null)) return null;
  if (unitGrants.some((grant) => grant.unitValidTo === null || grant.unitValidTo > at)) return null;
  const grant = unitGrants[0];
  if (!grant?.unitCode || !grant.unitValidTo) return null;
  const lastDay = previousDay(grant.unitValidTo);
  return (
    <Alert
      type="info"
      showIcon
      className="page-notice"
      data-testid="expired-grants-notice"
      title={t('notice.expiredGrant', {
        name: grant.unitName ?? grant.unitCode,
        date: formatDate(lastDay),
      })}
      action={
        <Link to={`/units/${encodeURIComponent(grant.unitCode)}?at=${lastDay}`}>
          <Button size="small">{t('notice.viewOn', { date: formatDate(lastDay) })}</Button>
        </Link>
      }
    />
  );
}
