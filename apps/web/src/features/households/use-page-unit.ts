import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../lib/dates';
import { useCurrentUnitCode } from '../../lib/url-state';
import { useMe } from '../auth/use-me';

/**
 * The unit a register page shows: the one in the URL, else the user's own unit, which is then
 * put into the URL (replacing the entry, so Back still works) for the header picker and links.
 */
export function usePageUnit(): string | null {
  const me = useMe();
  const current = useCurrentUnitCode();
  const [, setParams] = useSearchParams();
  const today = todayInVietnam();
  const fallback =
    me.grants.find((grant) => grant.unitCode && (grant.unitValidTo === null || grant.unitValidTo > today))
      ?.unitCode ?? null;
  useEffect(() => {
    if (current || !fallback) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('unit', fallback);
        return next;
      },
      { replace: true },
    );
  }, [current, fallback, setParams]);
  return current ?? fallback;
}
