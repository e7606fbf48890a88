import type { FieldErrors } from "~/utils/forms";

export const SUB_DISTRICT_KINDS = ["OFFICE", "TOWN", "PARK"] as const;

/** A refused form: which form (intent) and row sent it, its errors and the input echoed. */
export type OrgFailure = {
  intent: string;
  rowId?: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
};

/** The errors and echoed values of a refused form, shown only in the form (and row) that sent it. */
export function answersOf(actionData: OrgFailure | undefined) {
  const errorsOf = (intent: string, rowId?: string) =>
    actionData?.intent === intent && (!rowId || actionData.rowId === rowId) ? actionData.errors : {};
  const valueOf = (intent: string, name: string, fallback = "", rowId?: string) => {
    if (actionData?.intent !== intent || (rowId && actionData.rowId !== rowId)) return fallback;
    const v = actionData.values[name];
    return typeof v === "string" ? v : fallback;
  };
  return { errorsOf, valueOf };
}
