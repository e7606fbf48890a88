import { useT } from "~/i18n/use-t";

import { Tabs, type NavItem } from "./tabs";

const LINKS: NavItem[] = [
  { to: "/bank", key: "bank.nav.home", end: true },
  { to: "/bank/applications", key: "bank.nav.applications" },
  { to: "/bank/candidates", key: "bank.nav.candidates" },
  { to: "/bank/offers", key: "bank.nav.offers" },
  { to: "/bank/loans", key: "loans.nav.bank" },
  { to: "/bank/alerts", key: "alerts.nav.bank" },
  { to: "/bank/products", key: "bank.nav.products" },
  { to: "/bank/indicators", key: "bank.nav.indicators" },
  { to: "/bank/webhooks", key: "webhooks.nav" },
  { to: "/bank/claims", key: "pool.nav.bankClaims" },
];

/** The bank area's sub-navigation, at the top of every bank page. */
export function BankNav() {
  const t = useT();
  return (
    <Tabs
      label={t("bank.nav.label")}
      links={LINKS}
      after={
        // the API reference is a document of its own (Swagger UI), not a page of the app
        <a
          href="/api/docs"
          className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {t("api.docs.nav")}
        </a>
      }
    />
  );
}
