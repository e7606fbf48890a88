import type { ZodError, ZodType, ZodTypeDef } from "zod";

import { hasControlCharacters } from "~/domain/control-characters";

/**
 * What a form's action answers and its page shows (see app/components/form-kit.tsx for how to
 * write a form). One shape for every form:
 *
 *   { errors: { amount: { key: "…" }, _form: { key: "…" } }, values: { amount: "12x" } }
 *
 * Field errors and the form-level error live in the one `errors` field (the form's under
 * `_form`); `values` is the input echoed back so nothing typed is lost — never a password.
 */

/** A field error is a catalogue key and its parameters, translated where it is shown. */
export type FieldError = { key: string; params?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;

/** The failed submission a page shows: errors (the form's own under `_form`) and the echoed input. */
export type FormResult = { errors: FieldErrors; values: FormValues };

/** The key under which `errors` holds an error of the whole form rather than of one field. */
export const FORM_ERROR = "_form";

export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };
export type FormSuccess<T> = { ok: true; data: T };

/** A failure of the whole form (a stale version, a refused transition…), with the input echoed. */
export function formFailure(
  key: string,
  { params, values = {} }: { params?: FieldError["params"]; values?: FormValues } = {},
): FormResult {
  return { errors: { [FORM_ERROR]: params ? { key, params } : { key } }, values };
}

/** How much of the user's input is echoed back with a failed form (per field). */
const ECHO_LIMIT = 2000;

/**
 * FormData → plain object; fields sent more than once become arrays. Built without a
 * prototype: a field named "__proto__", "constructor" or "toString" is a field like any other,
 * not something inherited from Object.prototype.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else result[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** The input without passwords (any field named password or …Password), each value capped. */
export function echo(values: FormValues): FormValues {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of Object.entries(values)) {
    if (name === "password" || name.endsWith("Password")) continue;
    out[name] = Array.isArray(value) ? value.map((v) => v.slice(0, ECHO_LIMIT)) : value.slice(0, ECHO_LIMIT);
  }
  return out;
}

/** Zod issues → one catalogue-keyed error per field (the first issue of each field wins). */
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    if (errors[field]) continue;
    errors[field] = issueToFieldError(issue);
  }
  return errors;
}

function issueToFieldError(issue: ZodError["issues"][number]): FieldError {
  // A message that looks like a catalogue key ("enterprise.errors.x") is used as is.
  if (/^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/.test(issue.message)) {
    const params = issue.code === "custom" ? (issue.params as FieldError["params"]) : undefined;
    return { key: issue.message, params };
  }
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined" || issue.received === "null"
        ? { key: "common.validation.required" }
        : { key: "common.validation.invalid" };
    case "too_small":
      return issue.type === "string" && Number(issue.minimum) <= 1
        ? { key: "common.validation.required" }
        : { key: "common.validation.invalid" };
    case "too_big":
      return issue.type === "string"
        ? { key: "common.validation.tooLong", params: { max: Number(issue.maximum) } }
        : { key: "common.validation.invalid" };
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union_discriminator":
      return { key: "common.validation.invalidChoice" };
    default:
      return { key: "common.validation.invalid" };
  }
}

/** Validates a submitted form with a zod schema (the same schema the browser may use). */
export function parseForm<T>(
  schema: ZodType<T, ZodTypeDef, unknown>,
  input: FormData | Record<string, string | string[]>,
): FormSuccess<T> | FormFailure {
  const values = input instanceof FormData ? formDataToObject(input) : input;
  const result = schema.safeParse(values);
  const errors: FieldErrors = Object.assign(
    Object.create(null),
    result.success ? {} : fieldErrorsFromZod(result.error),
  );
  for (const [name, value] of Object.entries(values)) {
    if ((Array.isArray(value) ? value : [value]).some(hasControlCharacters))
      errors[name] = { key: "common.validation.controlCharacters" };
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  return { ok: false, errors, values: echo(values) };
}
