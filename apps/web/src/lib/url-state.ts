import { useCallback } from 'react';
import { useLocation, useMatch, useNavigate, useSearchParams } from 'react-router-dom';
import { isValidIsoDate, todayInVietnam } from './dates';

/**
 * The "as of" date lives in the URL (`?at=YYYY-MM-DD`) so that every link carries it:
 * a unit code alone is ambiguous across the 2025 reform.
 */
export function useAsOf(): { at: string; isToday: boolean; setAt: (at: string) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get('at');
  const today = todayInVietnam();
  const at = isValidIsoDate(raw) ? raw : today;
  const setAt = useCallback(
    (next: string) =>
      setParams((previous) => {
        const copy = new URLSearchParams(previous);
        copy.set('at', next);
        return copy;
      }),
    [setParams],
  );
  return { at, isToday: at === today, setAt };
}

/** The selected unit: the code in /units/:code, or `?unit=` on the other pages. */
export function useCurrentUnitCode(): string | null {
  const match = useMatch('/units/:code/*');
  const [params] = useSearchParams();
  return match?.params.code ?? params.get('unit') ?? null;
}

/** Builds links that keep the date and the selected unit of the current URL. */
export function useAppHref(): (pathname: string, overrides?: Record<string, string | null>) => string {
  const { at } = useAsOf();
  const unit = useCurrentUnitCode();
  return useCallback(
    (pathname, overrides = {}) => {
      const params = new URLSearchParams();
      params.set('at', at);
      // On /units/:code the code is in the path already.
      if (unit && !pathname.startsWith('/units')) params.set('unit', unit);
      for (const [key, value] of Object.entries(overrides)) {
        if (value === null) params.delete(key);
        else params.set(key, value);
      }
      return `${pathname}?${params.toString()}`;
    },
    [at, unit],
  );
}

/** Selects a unit: on the units pages it opens the unit, elsewhere it becomes `?unit=`. */
export function useSelectUnit(): (code: string | null) => void {
  const location = useLocation();
  const navigate = useNavigate();
  const href = useAppHref();
  return useCallback(
    (code) => {
      if (location.pathname.startsWith('/units')) {
        navigate(code ? href(`/units/${encodeURIComponent(code)}`) : href('/units'));
        return;
      }
      navigate(href(location.pathname, { unit: code }));
    },
    [location.pathname, navigate, href],
  );
}
