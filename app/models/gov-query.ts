/**
 * Query-string and form vocabulary of the government pages: page numbers, choices, sort
 * keys, and the zod pieces their forms share (a Shanghai day, an amount in 万元, a capped
 * text). Pure: usable by routes, models and the browser.
 */
import { z } from "zod";

import { parseWanToYuan } from "~/domain/money";
import { addDays, isIsoDay, shanghaiDate } from "~/domain/shanghai-time";
import { hasControlCharacters } from "~/domain/control-characters";

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

// ---------------------------------------------------------------- form pieces

/** Text a user types: trimmed, control characters refused, capped. */
export function text(max: number, { required = true }: { required?: boolean } = {}) {
  const base = z
    .string({ required_error: "common.validation.required" })
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacters(value), "common.validation.controlCharacters");
  return required ? base.refine((value) => value.length > 0, "common.validation.required") : base;
}

/** Optional text that may be missing from the form altogether. */
export function optionalText(max: number) {
  return z.preprocess(
    (value) => (value === undefined || value === null ? "" : value),
    text(max, { required: false }),
  );
}

/** A "YYYY-MM-DD" day between 2000-01-01 and ten years from today. */
export function day({ notAfter }: { notAfter?: string } = {}) {
  return z
    .string({ required_error: "common.validation.required" })
    .trim()
    .min(1, "common.validation.required")
    .refine((value) => isIsoDay(value), "gov.errors.badDate")
    .refine((value) => value >= "2000-01-01", "gov.errors.badDate")
    .refine(
      (value) => value <= (notAfter ?? addDays(shanghaiDate(new Date()), 3650)),
      notAfter ? "gov.errors.dateInFuture" : "gov.errors.badDate",
    );
}

/** An amount typed in 万元 → 元; blank → null when optional. */
export function wanAmount({ required }: { required: boolean }) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const raw = (value ?? "").trim();
      if (!raw) {
        if (required) ctx.addIssue({ code: "custom", message: "common.validation.required" });
        return null;
      }
      const yuan = parseWanToYuan(raw);
      if (yuan === null || yuan <= 0) {
        ctx.addIssue({ code: "custom", message: "gov.errors.badAmount" });
        return null;
      }
      return yuan;
    });
}

/**
 * One or more ids sent as repeated form fields. A function, like the other pieces: a schema
 * built at module level would be a side effect that ships zod to every page importing this file.
 */
export function idList() {
  return z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string().regex(/^[a-z0-9]{8,40}$/, "common.validation.invalid"))
      .min(1, "gov.errors.selectSome")
      .max(200, "common.validation.invalid"),
  );
}
