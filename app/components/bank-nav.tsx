import { NavLink } from "@remix-run/react";

import { useT } from "~/i18n/use-t";

import { cx } from "./ui";

const LINKS = [
  { to: "/bank", key: "bank.nav.home", end: true },
  { to: "/bank/applications", key: "bank.nav.applications", end: false },
  { to: "/bank/candidates", key: "bank.nav.candidates", end: false },
  { to: "/bank/offers", key: "bank.nav.offers", end: false },
  { to: "/bank/loans", key: "loans.nav.bank", end: false },
  { to: "/bank/alerts", key: "alerts.nav.bank", end: false },
  { to: "/bank/products", key: "bank.nav.products", end: false },
  { to: "/bank/indicators", key: "bank.nav.indicators", end: false },
  { to: "/bank/webhooks", key: "webhooks.nav", end: false },
  { to: "/bank/claims", key: "pool.nav.bankClaims", end: false },
] as const;

/** The bank area's sub-navigation, at the top of every bank page. */
export function BankNav() {
  const t = useT();
  return (
    <nav aria-label={t("bank.nav.label")} className="-mx-4 mb-6 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
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
        <li className="ml-auto">
          {/* the API reference is a document of its own (Swagger UI), not a page of the app */}
          <a
            href="/api/docs"
            className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {t("api.docs.nav")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
