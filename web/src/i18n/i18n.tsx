import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../lib/format';
import en from './en.json';
import vi from './vi.json';

export type MessageKey = keyof typeof vi;
export const messages: Record<Lang, Record<MessageKey, string>> = { vi, en };

const storageKey = 'ioc.lang';

export function savedLang(storage: Storage | undefined = globalThis.localStorage): Lang {
  return storage?.getItem(storageKey) === 'en' ? 'en' : 'vi';
}

/** A message with `{name}` placeholders filled. */
export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  const template = messages[lang][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? savedLang());
  const setLang = useCallback((next: Lang) => {
    globalThis.localStorage?.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, values) => translate(lang, key, values) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
