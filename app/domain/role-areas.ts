/**
 * Which part of the portal a role may open, by path: each role has its area (/enterprise, /bank,
 * /gov), and some government pages are the bureau's alone. Pages outside every area (/, /help,
 * /products, /notifications…) are open to all. The server's checks in each loader are what
 * protect a page; this only tells a screen whether a link would lead its reader anywhere (the
 * help centre's guides link to every role's pages).
 */
import type { Role } from "~/models/actor";

const AREAS: { prefix: string; roles: readonly Role[] }[] = [
  // the bureau's alone (tests/integration/access-matrix/expectations.ts says the same per route)
  { prefix: "/gov/admin", roles: ["GOV_BUREAU"] },
  { prefix: "/gov/notices", roles: ["GOV_BUREAU"] },
  { prefix: "/gov/objections", roles: ["GOV_BUREAU"] },
  { prefix: "/gov/review", roles: ["GOV_BUREAU"] },
  { prefix: "/gov", roles: ["GOV_OFFICE", "GOV_BUREAU"] },
  { prefix: "/bank", roles: ["BANK"] },
  { prefix: "/enterprise", roles: ["ENTERPRISE"] },
];

function inArea(path: string, prefix: string) {
  return (
    path === prefix ||
    path.startsWith(`${prefix}/`) ||
    path.startsWith(`${prefix}?`) ||
    path.startsWith(`${prefix}#`)
  );
}

/**
 * Whether a reader with `role` (null: not signed in) gets somewhere by following `href`. A
 * visitor does: a role's page sends them to sign in. Links off the portal are not judged.
 */
export function mayOpen(role: Role | null, href: string): boolean {
  if (!href.startsWith("/") || role === null) return true;
  const area = AREAS.find(({ prefix }) => inArea(href, prefix));
  return !area || area.roles.includes(role);
}
