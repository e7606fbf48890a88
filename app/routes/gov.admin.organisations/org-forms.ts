import type { FieldErrors } from "~/utils/forms";

export const SUB_DISTRICT_KINDS = ["OFFICE", "TOWN", "PARK"] as const;

/** A refused form: which form (intent) sent it, its errors and the input echoed (a row's `id` among them). */
export type OrgFailure = {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
};
