import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";

import { acceptSchema, rejectSchema } from "./schema.server";

/** What a failed answer returns: which form sent it, its errors and its input. */
export type Failure = { intent: string; errors: FieldErrors; values: FormValues };

const fail = (failure: Failure) => ({ ok: false as const, failure });

/** The bureau's answer of the form that was sent (accept with a resolution, or reject), or its failure. */
export function parseAnswer(intent: string, form: FormData) {
  if (intent === "accept") {
    const parsed = parseForm(acceptSchema(), form);
    if (!parsed.ok) return fail({ intent, errors: parsed.errors, values: parsed.values });
    return { ok: true as const, answer: { decision: "accept" as const, ...parsed.data } };
  }
  if (intent === "reject") {
    const parsed = parseForm(rejectSchema(), form);
    if (!parsed.ok) return fail({ intent, errors: parsed.errors, values: parsed.values });
    return { ok: true as const, answer: { decision: "reject" as const, ...parsed.data } };
  }
  return fail({ intent, errors: { _form: { key: "common.validation.invalidChoice" } }, values: {} });
}
