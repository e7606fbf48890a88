import { randomUUID } from "node:crypto";

import { Prisma } from "@prisma/client";

/**
 * Create forms carry a key made when the form is rendered (a hidden field). The row the form
 * creates stores it under a unique constraint, so a second submission of the same form — a double
 * click, a retry after a timeout, the back button — cannot create a second row: it finds the
 * first one and is answered as the first was.
 */
export function newFormKey(): string {
  return randomUUID();
}

const FORM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The submitted key, or null when there is none or it is not one we make (then no de-duplication). */
export function formKeyOf(form: FormData): string | null {
  const value = form.get("formKey");
  return typeof value === "string" && FORM_KEY.test(value) ? value : null;
}

export type CreatedOnce<T> = { ok: true; row: T } | { ok: false; error: "KEY_TAKEN" };

/**
 * Runs `create` (which stores `formKey`). When the key is already stored, answers the row the
 * actor created with it (`existing`, scoped to the actor) — or KEY_TAKEN when the key is not
 * theirs.
 */
export async function createOnce<T>(
  formKey: string | null,
  create: () => Promise<T>,
  existing: (formKey: string) => Promise<T | null>,
): Promise<CreatedOnce<T>> {
  try {
    return { ok: true, row: await create() };
  } catch (error) {
    if (!formKey || !(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
      throw error;
    const row = await existing(formKey);
    return row ? { ok: true, row } : { ok: false, error: "KEY_TAKEN" };
  }
}
