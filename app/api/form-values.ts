/**
 * The API's JSON in the shape of the screens' forms, so that a request is checked by the very
 * parsers the forms use (app/domain/decision-rules.ts) — one implementation of each rule. Amounts
 * go from whole 元 to the 万元 the forms take (exact: 4 decimals), rates from basis points to %.
 */
import { wholeYuanOf, parseYuanString } from "~/domain/api-money";

import { ApiError, type FieldMessage } from "./errors.server";

/** whole 元 → the forms' 万元 text, exactly: 1500000 → "150", 12345 → "1.2345". */
export function yuanToWanText(yuan: number): string {
  const whole = Math.floor(yuan / 10_000);
  const fraction = String(yuan % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** basis points → the forms' % text: 435 → "4.35". */
export function bpToPercentText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}`;
}

/**
 * A wire amount ("1500000.00") as whole 元 for the forms; amounts with 角/分 are refused here
 * (applications and products are in whole 元) with a field message under `field`.
 */
export function wholeYuanField(text: string, field: string): number {
  const fen = parseYuanString(text);
  const yuan = fen === null ? null : wholeYuanOf(fen);
  if (yuan === null)
    throw new ApiError("invalid_request", { fields: { [field]: { key: "api.fields.wholeYuan" } } });
  return yuan;
}

/** The forms' field errors under the API's field names (`names`: form name → API name). */
export function renameFields(
  errors: Record<string, FieldMessage>,
  names: Record<string, string>,
): Record<string, FieldMessage> {
  const out: Record<string, FieldMessage> = {};
  for (const [name, message] of Object.entries(errors)) out[names[name] ?? name] = message;
  return out;
}
