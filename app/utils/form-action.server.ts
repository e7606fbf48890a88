/**
 * The server half of the form kit (the browser half is app/components/form-kit.tsx).
 *
 *   export async function action({ request }: ActionFunctionArgs) {
 *     const actor = await requireBankUser(request);
 *     const form = await readForm(request);
 *     return dispatchIntent(form, {
 *       publish: async () => {
 *         const submission = parseSubmission(form, publishSchema());
 *         if (!submission.ok) return submission.reply;          // 400 { errors, values }
 *         const result = await publishProduct(actor, submission.data);
 *         if (!result.ok) return replyFormError("bank.errors.stale", { values: submission.values, status: 409 });
 *         return redirectWithFlash("/bank/products", { kind: "success", key: "bank.products.published" });
 *       },
 *       withdraw: …,
 *     });
 *   }
 *
 * A single-button form skips dispatchIntent and calls parseSubmission directly.
 */
import { json } from "@remix-run/node";
import type { ZodType, ZodTypeDef } from "zod";

import {
  echo,
  formDataToObject,
  formFailure,
  parseForm,
  type FieldError,
  type FieldErrors,
  type FormResult,
  type FormValues,
} from "./forms";

export type Submission<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; reply: ReturnType<typeof replyWithErrors<FormResult>> };

/**
 * Validates a submitted form with its schema. On failure `reply` is the 400 answer the page
 * shows (field errors and the echoed input); on success `values` is the echoed input too, for a
 * model refusal that still wants the form refilled.
 */
export function parseSubmission<T>(form: FormData, schema: ZodType<T, ZodTypeDef, unknown>): Submission<T> {
  const values = formDataToObject(form);
  const parsed = parseForm(schema, values);
  if (!parsed.ok)
    return { ok: false, reply: replyWithErrors({ errors: parsed.errors, values: parsed.values }) };
  return { ok: true, data: parsed.data, values: echo(values) };
}

/** A failed form: its errors and echoed input (plus anything the page needs), status 400 by default. */
export function replyWithErrors<R extends FormResult>(result: R, status = 400) {
  return json<R>(result, { status });
}

/** One field refused by a model after the schema passed (a code already taken, a date in use…). */
export function replyFieldError(
  field: string,
  error: FieldError,
  { values = {}, status = 400 }: { values?: FormValues; status?: number } = {},
) {
  const errors: FieldErrors = { [field]: error };
  return replyWithErrors({ errors, values }, status);
}

/** The whole form refused (a stale version, a transition no longer allowed…). */
export function replyFormError(
  key: string,
  {
    params,
    values = {},
    status = 400,
  }: { params?: FieldError["params"]; values?: FormValues; status?: number } = {},
) {
  return replyWithErrors(formFailure(key, { params, values }), status);
}

/**
 * Sends a multi-button form to the handler named by its `intent` (the name of every submit
 * button that chooses what the form does). An unknown or missing intent is a 400 with
 * `common.validation.invalidChoice`, never a 500.
 */
export async function dispatchIntent<R>(
  form: FormData,
  handlers: Record<string, (intent: string) => R | Promise<R>>,
) {
  const intent = form.get("intent");
  if (typeof intent === "string" && Object.hasOwn(handlers, intent)) return handlers[intent](intent);
  return replyFormError("common.validation.invalidChoice");
}
