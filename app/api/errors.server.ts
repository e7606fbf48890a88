import type { ZodIssue } from "zod";

import type { Locale } from "~/i18n/locales";
import { hasMessage, translate, type MessageParams } from "~/i18n/translate.server";

/** The error codes of the bank API, each with its HTTP status. */
export const ERROR_STATUS = {
  signature_missing: 401,
  signature_malformed: 401,
  key_unknown: 401,
  signature_invalid: 401,
  timestamp_out_of_window: 401,
  nonce_reused: 401,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_request: 400,
  idempotency_key_missing: 400,
  idempotency_key_invalid: 400,
  validation_failed: 422,
  idempotency_key_reused: 422,
  filing_refused: 422,
  claim_refused: 422,
  idempotency_key_in_use: 409,
  not_found: 404,
  forbidden: 403,
  version_conflict: 409,
  invalid_transition: 409,
  conflict: 409,
  method_not_allowed: 405,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field's message: a catalogue key with its parameters, or text already in the reader's language. */
export type FieldMessage = { key: string; params?: MessageParams };

/** Thrown by the pipeline and the handlers; answered as `{"error":{code,message,fields}}`. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      params?: MessageParams;
      fields?: Record<string, FieldMessage>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = "ApiError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const API_RESPONSE_HEADERS = {
  // Nothing the API answers may be kept by a browser or a proxy: it is one bank's data.
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

function text(locale: Locale, message: FieldMessage): string {
  return hasMessage(locale, message.key) ? translate(locale, message.key, message.params) : message.key;
}

export function errorBody(error: ApiError, locale: Locale) {
  const fields = error.options.fields;
  return {
    error: {
      code: error.code,
      message: translate(locale, `api.errors.${error.code}`, error.options.params),
      ...(fields && Object.keys(fields).length
        ? { fields: Object.fromEntries(Object.entries(fields).map(([name, m]) => [name, text(locale, m)])) }
        : {}),
    },
  };
}

export function errorResponse(error: ApiError, locale: Locale): Response {
  return new Response(JSON.stringify(errorBody(error, locale)), {
    status: error.status,
    headers: {
      ...API_RESPONSE_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      ...error.options.headers,
    },
  });
}

/** zod's issues as field messages: the path joined with dots ("eligibleSizes.0"), "_" for the whole. */
export function zodFields(issues: ZodIssue[]): Record<string, FieldMessage> {
  const fields: Record<string, FieldMessage> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const prefix = issue.path.length ? `${issue.path.join(".")}.` : "";
      for (const key of issue.keys.slice(0, 20))
        fields[`${prefix}${key.slice(0, 64)}`] ??= { key: "api.fields.unknownField" };
      continue;
    }
    const name = issue.path.length ? issue.path.join(".") : "_";
    if (fields[name]) continue;
    fields[name] = fieldMessageOf(issue);
  }
  return fields;
}

function fieldMessageOf(issue: ZodIssue): FieldMessage {
  if (issue.code === "custom" && issue.message.startsWith("api.")) return { key: issue.message };
  if (issue.code === "invalid_type")
    return { key: issue.received === "undefined" ? "api.fields.required" : "api.fields.invalidType" };
  if (issue.code === "too_big" && issue.type === "string")
    return { key: "api.fields.tooLong", params: { max: Number(issue.maximum) } };
  return { key: "api.fields.invalid" };
}
