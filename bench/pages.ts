/**
 * Every page of every role (issue 15, section "pages" of bench/main.ts): the route list comes
 * from the Remix build's manifest (public/build/manifest-*.js, the route config the server runs),
 * so a new page is benched without touching this file. For each role signed in on the dataset:
 * every GET route under the role's prefix without a path parameter (the pages the navigation
 * reaches), and for each route with one parameter a record page — the first link to it found in
 * the pages already fetched (one record per list). Each page: `runs` sequential requests after a
 * warm-up; p50 and p95 in JSON lines, the ten slowest (by p95) first. Pages that do not answer
 * 200 (an action-only route, a redirect) are listed with their status, not timed.
 */
import { readManifest } from "./bundle";
import { percentile } from "./http";

export interface PageRole {
  role: string;
  username: string;
  /** the URL prefix of the role's pages */
  prefix: string;
}

export interface PageFigure {
  role: string;
  path: string;
  routeId: string;
  p50: number;
  p95: number;
  runs: number;
}

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; hasLoader?: boolean };

/** The URL pattern of each route: its parents' paths joined (Remix flat routes: "gov.firms.$id"). */
export function routePatterns(): { routeId: string; pattern: string }[] {
  const routes = readManifest().routes as unknown as Record<string, ManifestRoute>;
  const patternOf = (id: string): string => {
    const route = routes[id];
    if (!route || id === "root") return "";
    const parent = route.parentId ? patternOf(route.parentId) : "";
    const own = route.path ?? "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.values(routes)
    .filter((route) => route.id !== "root" && route.hasLoader !== false)
    .map((route) => ({ routeId: route.id, pattern: `/${patternOf(route.id)}`.replace(/\/+$/, "") || "/" }));
}

async function timed(url: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

/** Walks the role's pages; returns the figures and the pages that could not be timed. */
export async function walkPages(
  baseUrl: string,
  role: PageRole & { cookie: string },
  { runs = 20, log = (line: string) => console.error(line) } = {},
) {
  const patterns = routePatterns().filter(
    (r) => r.pattern === role.prefix || r.pattern.startsWith(`${role.prefix}/`),
  );
  const plain = patterns.filter((r) => !r.pattern.includes(":") && !r.pattern.includes("*"));
  const withParam = patterns.filter((r) => (r.pattern.match(/:/g) ?? []).length === 1);
  const figures: PageFigure[] = [];
  const skipped: { role: string; path: string; status: number }[] = [];
  const bodies: string[] = [];

  const measure = async (routeId: string, path: string) => {
    const first = await timed(baseUrl + path, role.cookie);
    if (first.status !== 200) {
      skipped.push({ role: role.role, path, status: first.status });
      return;
    }
    bodies.push(first.body);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timed(baseUrl + path, role.cookie)).ms);
    times.sort((a, b) => a - b);
    figures.push({
      role: role.role,
      path,
      routeId,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      runs,
    });
  };

  for (const route of plain) await measure(route.routeId, route.pattern);
  // one record page per list: the first link in the fetched pages that the pattern matches
  for (const route of withParam) {
    const [before, after] = route.pattern.split(/:[^/]+/);
    const link = new RegExp(`href="(${escape(before)}[^"/?#]+${escape(after)})"`);
    const found = bodies.map((body) => link.exec(body)?.[1]).find(Boolean);
    if (found) await measure(route.routeId, found.replace(/&amp;/g, "&"));
    else log(`  (no link to ${route.pattern} on ${role.role}'s pages: not benched)`);
  }
  return { figures, skipped };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The figures as the bench's JSON lines, the ten slowest first. */
export function slowestFirst(figures: PageFigure[]): PageFigure[] {
  return [...figures].sort((a, b) => b.p95 - a.p95);
}
