/**
 * The catalogues are registered, not imported here: the server registers both
 * (translate.server.ts), the browser only the page's own (entry.client.tsx loads it before
 * hydrating), so that a page does not download the language it is not in.
 */
import type { Locale } from "./locales";
import type { Catalog } from "./zh-CN";

/** Dot paths to the string leaves of a catalogue: "common.nav.home". */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Catalog>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Partial<Record<Locale, Catalog>> = {};

export function registerCatalog(locale: Locale, catalog: Catalog) {
  catalogs[locale] = catalog;
}

/**
 * Walks the catalogue along the dotted key. Some keys hold dots themselves (notification kinds
 * such as "application.SUBMITTED" under notifications.kinds), so where a segment is not found
 * the next segments are tried joined with it.
 */
function lookupIn(node: unknown, parts: string[]): string | undefined {
  if (parts.length === 0) return typeof node === "string" ? node : undefined;
  if (node === null || typeof node !== "object") return undefined;
  const record = node as Record<string, unknown>;
  for (let take = 1; take <= parts.length; take++) {
    const segment = parts.slice(0, take).join(".");
    if (segment in record) {
      const found = lookupIn(record[segment], parts.slice(take));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function lookup(catalog: Catalog | undefined, key: string): string | undefined {
  return catalog ? lookupIn(catalog, key.split(".")) : undefined;
}

/** Fills {name} placeholders. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  // Chinese is the fallback; in a browser that holds only English (a language switched in
  // another tab), English is.
  const template =
    lookup(catalogs[locale], key) ?? lookup(catalogs["zh-CN"], key) ?? lookup(catalogs.en, key);
  return template === undefined ? key : interpolate(template, params);
}

/** For keys built at run time from stored codes (states, reasons…): returns undefined when missing. */
export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(catalogs[locale], key) !== undefined;
}

export function createTranslator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The registered catalogues (the server's: both). */
export function registeredCatalogs(): Readonly<Partial<Record<Locale, Catalog>>> {
  return catalogs;
}
