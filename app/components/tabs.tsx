import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/translate";

import { cx } from "./ui";

export type NavItem = { to: string; key: MessageKey; end?: boolean };

/**
 * A row of tabs (sub-navigation): the bank area's, the government area's, the admin's, the pool's.
 * `after` ends the row on the right (a link that leaves the app).
 */
export function Tabs({
  label,
  links,
  after,
}: {
  label: string;
  links: readonly NavItem[];
  after?: ReactNode;
}) {
  const t = useT();
  return (
    <nav aria-label={label} className="relative -mx-4 mb-6 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end ?? false}
              prefetch="none"
              className={({ isActive }) =>
                cx(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                  isActive
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )
              }
            >
              {t(link.key)}
            </NavLink>
          </li>
        ))}
        {after && <li className="ml-auto">{after}</li>}
      </ul>
    </nav>
  );
}
