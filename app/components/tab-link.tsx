import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { cx } from "./ui";

const looks = {
  /** a row of square buttons (the tabs of a page, the periods of the figures) */
  button: "rounded-md px-3 py-1.5 font-medium",
  /** a row of round chips (the statuses a list is filtered by) */
  pill: "rounded-full px-3 py-1",
} as const;

/** A link that picks one value for a page (a status, a period, a tab); the picked one is marked as current. */
export function TabLink({
  to,
  current,
  look = "button",
  children,
}: {
  to: string;
  current: boolean;
  look?: keyof typeof looks;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={cx(
        looks[look],
        "text-sm ring-1 ring-inset",
        current
          ? "bg-brand-600 text-white ring-brand-600"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {children}
    </Link>
  );
}
