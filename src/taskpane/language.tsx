/** The pane's language (zh-CN first, English on request), remembered in the browser. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { DICTIONARY, type Lang, type Strings } from "./i18n";

const STORAGE_KEY = "ziping.lang";

interface LanguageState {
  lang: Lang;
  strings: Strings;
  setLang(lang: Lang): void;
}

const LanguageContext = createContext<LanguageState>({ lang: "zh", strings: DICTIONARY.zh, setLang: () => undefined });

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    // Storage can be blocked in an Office webview; Chinese is the default anyway.
    return "zh";
  }
}

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered: fine.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const value = useMemo(() => ({ lang, strings: DICTIONARY[lang], setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useStrings(): Strings {
  return useContext(LanguageContext).strings;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
