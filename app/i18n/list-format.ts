import type { Locale } from "./locales";

/** How a list of items is joined in running text: "、" in Chinese, ", " in English. */
export const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "、", en: ", " };

/** Joins items (already in the page's language) with the locale's list separator. */
export function formatList(locale: Locale, items: readonly string[]): string {
  return items.join(LIST_SEPARATOR[locale]);
}
