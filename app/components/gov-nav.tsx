import { useT } from "~/i18n/use-t";

import { Tabs, type NavItem } from "./tabs";
import { Badge } from "./ui";

const OFFICE_LINKS: NavItem[] = [
  { to: "/gov", key: "gov.nav.home", end: true },
  { to: "/gov/firms", key: "gov.nav.firms" },
  { to: "/gov/visits", key: "gov.nav.visits" },
  { to: "/gov/invitations", key: "outreach.nav.invitations" },
  { to: "/gov/follow-ups", key: "gov.nav.followUps" },
  { to: "/gov/recommendations", key: "gov.nav.recommendations" },
  { to: "/gov/whitelist", key: "gov.nav.whitelist" },
  { to: "/gov/loans", key: "loans.nav.gov" },
  { to: "/gov/alerts", key: "alerts.nav.gov" },
  { to: "/gov/indicators", key: "gov.nav.indicators" },
  { to: "/gov/risk-pool", key: "pool.nav.label" },
];

const BUREAU_LINKS: NavItem[] = [
  { to: "/gov", key: "gov.nav.home", end: true },
  { to: "/gov/firms", key: "gov.nav.firms" },
  { to: "/gov/review", key: "gov.nav.review" },
  { to: "/gov/whitelist", key: "gov.nav.whitelist" },
  { to: "/gov/objections", key: "gov.nav.objections" },
  { to: "/gov/alerts", key: "alerts.nav.gov" },
  { to: "/gov/follow-ups", key: "gov.nav.followUps" },
  { to: "/gov/visits", key: "gov.nav.visits" },
  { to: "/gov/loans", key: "loans.nav.gov" },
  { to: "/gov/indicators", key: "gov.nav.indicators" },
  { to: "/gov/risk-pool", key: "pool.nav.label" },
  { to: "/gov/invitations", key: "outreach.nav.invitations" },
  { to: "/gov/notices", key: "outreach.nav.manageNotices" },
  { to: "/gov/training", key: "outreach.nav.training" },
  { to: "/gov/admin", key: "gov.nav.admin" },
];

const ADMIN_LINKS: NavItem[] = [
  { to: "/gov/admin", key: "gov.admin.nav.accounts", end: true },
  { to: "/gov/admin/organisations", key: "gov.admin.nav.organisations" },
  { to: "/gov/admin/lpr", key: "gov.admin.nav.lpr" },
  { to: "/gov/admin/calendar", key: "gov.admin.nav.calendar" },
  { to: "/gov/admin/settings", key: "gov.admin.nav.settings" },
  { to: "/gov/admin/audit", key: "audit.nav" },
  { to: "/gov/admin/jobs", key: "jobs.nav" },
  { to: "/gov/admin/api-clients", key: "api.admin.nav" },
  { to: "/gov/admin/webhooks", key: "webhooks.adminNav" },
];

/** The government area's sub-navigation: the office's or the bureau's sections. */
export function GovNav({ role }: { role: "GOV_OFFICE" | "GOV_BUREAU" | string }) {
  const t = useT();
  return <Tabs label={t("gov.nav.label")} links={role === "GOV_BUREAU" ? BUREAU_LINKS : OFFICE_LINKS} />;
}

/** The bureau's administration pages: the government area's tabs and a second row of their own. */
export function AdminNav() {
  const t = useT();
  return (
    <>
      <Tabs label={t("gov.nav.label")} links={BUREAU_LINKS} />
      <Tabs label={t("gov.admin.nav.label")} links={ADMIN_LINKS} />
    </>
  );
}

/** The 20-day answer clock as a badge: days left, due today, or overdue. */
export function DueClock({ daysLeft, overdue }: { daysLeft: number; overdue: boolean }) {
  const t = useT();
  if (overdue)
    return <Badge tone="red">{t("gov.objections.overdue", { days: Math.max(1, -daysLeft) })}</Badge>;
  if (daysLeft <= 0) return <Badge tone="amber">{t("gov.objections.dueToday")}</Badge>;
  return (
    <Badge tone={daysLeft <= 3 ? "amber" : "blue"}>{t("gov.objections.daysLeft", { days: daysLeft })}</Badge>
  );
}
