/**
 * The shapes of the bank API's wire (SPEC, "Bank systems"): money as two-decimal 元 strings,
 * rates in basis points, days YYYY-MM-DD (Shanghai), times ISO 8601 with the +08:00 offset,
 * lists `{data, next}` with an opaque cursor. The zod schemas here are the ones the handlers
 * validate with and the OpenAPI document is generated from.
 */
import { parseYuanString } from "~/domain/api-money";
import { isIsoDay, SHANGHAI_OFFSET_MS } from "~/domain/shanghai-time";

import { z } from "./zod";

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

/** An instant as Shanghai wall time with its offset: 2026-12-06T17:00:00.000+08:00. */
export function isoTime(instant: Date): string;
export function isoTime(instant: Date | null): string | null;
export function isoTime(instant: Date | null): string | null {
  if (!instant) return null;
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

export const money = z
  .string()
  .refine((text) => parseYuanString(text) !== null, { message: "api.fields.money" })
  .openapi({
    description: "元 with exactly two decimals",
    example: "1500000.00",
    pattern: "^(0|[1-9]\\d{0,15})\\.\\d{2}$",
  });

export const day = z
  .string()
  .refine(isIsoDay, { message: "api.fields.day" })
  .openapi({ description: "a Shanghai calendar day", example: "2026-12-06", format: "date" });

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const instant = z
  .string()
  .refine((text) => ISO_WITH_OFFSET.test(text) && !Number.isNaN(Date.parse(text)), {
    message: "api.fields.instant",
  })
  .openapi({
    description: "ISO 8601 with an offset",
    example: "2026-12-06T09:00:00+08:00",
    format: "date-time",
  });

export const time = z.string().openapi({ format: "date-time", example: "2026-12-06T09:00:00.000+08:00" });
export const rateBp = z
  .number()
  .int()
  .min(0)
  .max(3600)
  .openapi({ description: "annual rate in basis points", example: 435 });

export const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(DEFAULT_LIMIT)
  .openapi({ description: `page size, at most ${MAX_LIMIT}`, example: 50 });
export const after = z
  .string()
  .max(200)
  .optional()
  .openapi({ description: "the `next` cursor of the previous page" });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "version_conflict" }),
      message: z.string(),
      fields: z.record(z.string()).optional(),
    }),
  })
  .openapi("Error");

/** A page of a list: the items and the cursor of the next page (null on the last). */
export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item), next: z.string().nullable() });
}

/**
 * Cursors: base64url of a JSON array [sort key, id]. The API treats them as opaque; the server
 * checks their shape and answers 400 for one it did not make.
 */
export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { key: string | number; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [key, id] = value as unknown[];
    if ((typeof key !== "string" && typeof key !== "number") || typeof id !== "string" || id.length > 64)
      return null;
    return { key, id };
  } catch {
    return null;
  }
}
