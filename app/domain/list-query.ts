/**
 * Query strings of lists (a bad value is ignored, never an error page). Plain functions without
 * zod, so that pages parsing their query in a helper do not ship the form parsers to the browser.
 */

/** The shape of the ids we issue (cuid), as the forms' id schema accepts them. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** ?page= → 1…10000, default 1. */
export function parsePage(value: string | null): number {
  const page = Number(value ?? "1");
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** A value of a fixed list, or undefined. */
export function parseChoice<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An id-shaped value (cuid) or undefined. */
export function parseId(value: string | null): string | undefined {
  return value !== null && ID_PATTERN.test(value) ? value : undefined;
}
