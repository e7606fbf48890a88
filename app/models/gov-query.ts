/**
 * Query-string vocabulary of the government pages: page numbers, choices, sort keys, ids.
 * Pure and without zod (the forms' pieces are in gov-form.ts), so list pages importing it do not
 * ship zod to the browser.
 */

export const GOV_PAGE_SIZE = 20;

/** A page number from the query string: 1 for anything that is not a sane positive integer. */
export function parsePage(value: string | null): number {
  if (!value || !/^\d{1,5}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

export function parseChoice<T extends string>(choices: readonly T[], value: string | null): T | null {
  return value !== null && (choices as readonly string[]).includes(value) ? (value as T) : null;
}

export type Sort<K extends string> = { key: K; dir: "asc" | "desc" };

/** "?sort=name&dir=desc" → a known key and direction, or the default. */
export function parseSort<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
  fallback: Sort<K>,
): Sort<K> {
  const key = parseChoice(keys, params.get("sort"));
  if (!key) return fallback;
  return { key, dir: params.get("dir") === "desc" ? "desc" : "asc" };
}

/** A cuid-like id from the query string or a form; anything else is null. */
export function parseId(value: string | null | undefined): string | null {
  return typeof value === "string" && /^[a-z0-9]{8,40}$/.test(value) ? value : null;
}
