import { NavLink } from "@remix-run/react";

import { useT } from "~/i18n/use-t";

import { cx } from "./ui";

const LINKS = [
  { to: "/enterprise", key: "home", end: true },
  { to: "/enterprise/credit", key: "credit" },
  { to: "/enterprise/alerts", key: "alerts" },
  { to: "/enterprise/authorizations", key: "authorizations" },
  { to: "/enterprise/demands", key: "demands" },
  { to: "/enterprise/applications", key: "applications" },
  { to: "/enterprise/loans", key: "loans" },
  { to: "/enterprise/whitelist", key: "whitelist" },
  { to: "/enterprise/access-log", key: "accessLog" },
] as const;

/** The firm's section navigation, shown at the top of every enterprise page. */
export function EnterpriseNav() {
  const t = useT();
  return (
    <nav aria-label={t("enterprise.nav.label")} className="-mx-1 mb-6 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200 px-1">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={"end" in link ? link.end : false}
              prefetch="intent"
              className={({ isActive }) =>
                cx(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                  isActive
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:text-slate-900",
                )
              }
            >
              {link.key === "loans" ? t("loans.nav.enterprise") : t(`enterprise.nav.${link.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
