import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from '../locales/en';
import { type MessageKey, vi } from '../locales/vi';
import { ApiError, type Lang } from './api';
import { interpolate } from './interpolate';

export type { Lang, MessageKey };

type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };
const storageKey = 'doanket.lang';

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  errorText: (error: unknown) => string;
};
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, params) => interpolate(dictionaries[lang][key] ?? key, params);
    const errorText = (error: unknown): string => {
      if (error instanceof ApiError) {
        if (error.code === 'network') return t('error.network');
        if (error.code === 'bad_response' || error.code.startsWith('http_')) return t('error.unexpected');
        return error.text(lang);
      }
      return t('error.unexpected');
    };
    return { lang, setLang, t, errorText };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
