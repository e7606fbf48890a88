import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";

import { formatList } from "./list-format";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { translate, type MessageKey, type MessageParams, type Translate } from "./translate";

type RootData = { locale: Locale };

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootData>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/** The translator for the page's language, on the server and in the browser. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

/** For keys composed from stored codes, e.g. `domain.size.${size}`. */
export function useTDynamic() {
  const locale = useLocale();
  return useCallback((key: string, params?: MessageParams) => translate(locale, key, params), [locale]);
}

/** Joins items with the page's list separator ("、" in Chinese, ", " in English). */
export function useFormatList() {
  const locale = useLocale();
  return useCallback((items: readonly string[]) => formatList(locale, items), [locale]);
}
