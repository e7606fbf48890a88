import type { ReactNode } from "react";

import type { Option } from "./form-kit";

/** A select's options from a list of codes, each labelled by `label` (usually its translation). */
export function optionsOf<T extends string | number>(
  codes: readonly T[],
  label: (code: T) => ReactNode,
): Option[] {
  return codes.map((code) => ({ value: String(code), label: label(code) }));
}
