import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAsOf, useCurrentUnitCode } from '../../lib/url-state';
import { useMe } from '../auth/use-me';

/**
 * The unit a register page shows: the one in the URL, else the user's own unit on the date, which is then
 * put into the URL (replacing the entry, so Back still works) for the header picker and links.
 */
export function usePageUnit(): string | null {
  const me = useMe();
  const current = useCurrentUnitCode();
  const [, setParams] = useSearchParams();
  const { at } = useAsOf();
  const fallback =
    me.grants.find(
      (grant) =>
        grant.unitCode &&
        (grant.unitValidFrom === null || grant.unitValidFrom <= at) &&
        (grant.unitValidTo === null || at < grant.unitValidTo),
    )?.unitCode ?? null;
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
