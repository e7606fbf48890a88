/**
 * Which help guide explains which page: URL patterns (":x" is one segment of any value), the
 * first match wins, so the more specific come first. A guide may differ by who reads it (the
 * product page is "applying" for a firm, "publishing products" for a bank). Shipped to the
 * browser for the help link in the page header; tests/unit/help-content.test.ts checks every
 * pattern against Remix's routes and every guide against the content files.
 */
export type HelpReader = "anonymous" | "ENTERPRISE" | "BANK" | "GOV_OFFICE" | "GOV_BUREAU";
type GuideChoice = string | (Partial<Record<HelpReader, string>> & { default: string });

export const PAGE_HELP: readonly { path: string; guide: GuideChoice }[] = [
  { path: "/register", guide: "register" },
  { path: "/login", guide: "account" },
  { path: "/account/password", guide: "account" },
  { path: "/notifications", guide: "account" },
  { path: "/products/:id", guide: { default: "apply", BANK: "bank-products" } },
  { path: "/products", guide: { default: "apply", BANK: "bank-products" } },
  {
    path: "/about",
    guide: {
      default: "register",
      BANK: "bank-decide",
      GOV_OFFICE: "office-invitations",
      GOV_BUREAU: "bureau-notices-training",
    },
  },
  { path: "/notices", guide: { default: "faq", GOV_BUREAU: "bureau-notices-training" } },
  { path: "/enterprise/credit", guide: "credit-profile" },
  { path: "/enterprise/authorizations", guide: "authorise" },
  { path: "/enterprise/access-log", guide: "authorise" },
  { path: "/enterprise/demands", guide: "demands" },
  { path: "/enterprise/applications", guide: "apply" },
  { path: "/enterprise/whitelist", guide: "whitelist-request" },
  { path: "/enterprise/loans", guide: "enterprise-loans" },
  { path: "/enterprise/renewals", guide: "enterprise-loans" },
  { path: "/enterprise/alerts", guide: "credit-profile" },
  { path: "/enterprise", guide: "enterprise-start" },
  { path: "/bank/applications", guide: "bank-decide" },
  { path: "/bank/candidates", guide: "bank-candidates" },
  { path: "/bank/demands", guide: "bank-candidates" },
  { path: "/bank/offers", guide: "bank-candidates" },
  { path: "/bank/products", guide: "bank-products" },
  { path: "/bank/indicators", guide: "indicators-export" },
  { path: "/bank/loans/:id/claim", guide: "bank-risk-pool" },
  { path: "/bank/loans", guide: "bank-loans" },
  { path: "/bank/claims", guide: "bank-risk-pool" },
  { path: "/bank/alerts", guide: "bank-alerts" },
  { path: "/bank/webhooks", guide: "bank-api" },
  { path: "/bank", guide: "bank-decide" },
  { path: "/gov/invitations", guide: "office-invitations" },
  { path: "/gov/firms", guide: "office-visits" },
  { path: "/gov/visits", guide: "office-visits" },
  { path: "/gov/follow-ups", guide: "office-visits" },
  { path: "/gov/recommendations", guide: "office-recommend" },
  { path: "/gov/review", guide: "bureau-review" },
  { path: "/gov/whitelist", guide: { default: "bureau-review", GOV_OFFICE: "office-recommend" } },
  { path: "/gov/objections", guide: "bureau-objections" },
  { path: "/gov/indicators", guide: "indicators-export" },
  { path: "/gov/banks", guide: "indicators-export" },
  { path: "/gov/notices", guide: "bureau-notices-training" },
  { path: "/gov/training", guide: "bureau-notices-training" },
  { path: "/gov/risk-pool", guide: { default: "bureau-risk-pool", GOV_OFFICE: "indicators-export" } },
  { path: "/gov/loans", guide: { default: "bureau-risk-pool", GOV_OFFICE: "indicators-export" } },
  { path: "/gov/admin", guide: "bureau-admin" },
  { path: "/gov", guide: { default: "bureau-review", GOV_OFFICE: "office-visits" } },
];

/** Whether a pattern covers a path: the same segments, or the pattern's followed by more. */
export function patternCovers(pattern: string, pathname: string): boolean {
  const want = pattern.split("/").filter(Boolean);
  const have = pathname.split("/").filter(Boolean);
  if (have.length < want.length) return false;
  return want.every((segment, i) => segment.startsWith(":") || segment === have[i]);
}

/** The guide of the page at `pathname` for this reader; null where none is mapped (the help index). */
export function helpGuideFor(pathname: string, reader: HelpReader): string | null {
  const entry = PAGE_HELP.find((item) => patternCovers(item.path, pathname));
  if (!entry) return null;
  if (typeof entry.guide === "string") return entry.guide;
  return entry.guide[reader] ?? entry.guide.default;
}

/** Every guide the map names. */
export function mappedGuides(): string[] {
  return [
    ...new Set(
      PAGE_HELP.flatMap((item) =>
        typeof item.guide === "string" ? [item.guide] : Object.values(item.guide),
      ),
    ),
  ];
}
