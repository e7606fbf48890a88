import type { ReactNode } from "react";

import { cx } from "./ui";

/** A list of label/value pairs (a record's fields), one row each. */
export function DetailList({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={cx("flex flex-col gap-2 text-sm", className)}>{children}</dl>;
}

/** One label and its value: stacked on a phone, side by side from the small breakpoint. */
export function DetailRow({
  label,
  children,
  wide,
}: {
  label: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className={cx(wide ? "w-40" : "w-36", "shrink-0 text-slate-600")}>{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}
