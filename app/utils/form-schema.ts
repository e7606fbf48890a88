/**
 * The zod pieces forms share: a Shanghai day, an amount in 万元, a capped text,
 * a list of ids. Functions, so that importing this module builds no schema.
 */
import { z } from "zod";

import { parseWanToYuan } from "~/domain/money";
import { addDays, isIsoDay, shanghaiDate } from "~/domain/shanghai-time";
import { hasControlCharacters } from "~/domain/control-characters";

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
