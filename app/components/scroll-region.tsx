import type { ReactNode } from "react";

import { cx } from "./ui";

/**
 * A box whose content (a table) may scroll sideways on a phone: labelled and a tab stop, so it
 * can be scrolled from the keyboard (WCAG 2.1.1, axe's scrollable-region-focusable). `relative`
 * keeps a table's sr-only caption inside it instead of widening the page; `framed` draws the
 * card's frame around it.
 */
export function ScrollRegion({
  label,
  framed = false,
  children,
}: {
  label: string;
  framed?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={cx(
        "relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600",
        framed && "rounded-lg bg-white shadow-sm ring-1 ring-slate-200",
      )}
    >
      {children}
    </div>
  );
}
