import { createHash } from "node:crypto";

import ExcelJS from "exceljs";

import { databaseProvider } from "~/database-url.server";

import { db, sessionCookieFor } from "../helpers";
import { SEEN_THROUGH } from "../support/db-snapshot";

import { leakedMarkers, WHO, type Who } from "./markers";
import type { RouteEntry } from "./server-build";
import { allows, type RouteSpec, type Target } from "./spec";
import type { World } from "./world";

export type Cell = {
  route: RouteEntry;
  method: "GET" | "POST";
  /** the intent key of the table (POST only) */
  intent?: string;
  who: Who;
  target: string;
  /** what the table says */
  allowed: boolean;
  request: { url: string; fields?: Record<string, string | string[]> };
  freshSession?: boolean;
};

export type Outcome = {
  cell: Cell;
  status: number;
  /** where a redirect goes */
  location: string | null;
  /** whether the requester got through (see `grantedBy`) */
  granted: boolean;
  /** forbidden markers found in the response */
  leaks: string[];
  /** every marker found in the response */
  seen: string[];
  ms: number;
};

const HOMES = ["/enterprise", "/bank", "/gov"];

/** The URL path of a route with its params filled in. */
export function pathOf(
  route: RouteEntry,
  byId: Map<string, RouteEntry>,
  params: Record<string, string> = {},
) {
  const segments: string[] = [];
  for (let r: RouteEntry | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) {
    if (r.path) segments.unshift(r.path);
  }
  const path = segments
    .join("/")
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment;
      const value = params[segment.slice(1)];
      if (value === undefined) throw new Error(`${route.id}: no value for ${segment} in the target`);
      return encodeURIComponent(value);
    })
    .join("/");
  return `/${path}`;
}

/** The name of the target added to every route with URL params: well-formed ids of nothing. */
export const MISSING = "missing";
const MISSING_ID = "cmatrixnosuchrecord0000000";

/** `targets` and, when they have URL params, one more with every param an id of nothing. */
function withMissing(targets: Record<string, Target>): Record<string, Target> {
  const names = Object.keys(Object.values(targets).find((t) => t.params)?.params ?? {});
  if (!names.length) return targets;
  return { ...targets, [MISSING]: { params: Object.fromEntries(names.map((n) => [n, MISSING_ID])) } };
}

/** Every cell of the matrix for one route of the table. */
export function cellsOf(
  route: RouteEntry,
  spec: RouteSpec,
  world: World,
  byId: Map<string, RouteEntry>,
): Cell[] {
  const cells: Cell[] = [];
  const url = (method: "GET" | "POST", target: Target) => {
    const query = new URLSearchParams(target.query);
    if (method === "POST" && route.index) query.append("index", "");
    // A page is asked for its data as the browser's router does; a resource route as a link is.
    if (!route.resource) query.set("_data", route.id);
    return `${pathOf(route, byId, target.params)}?${query}`;
  };
  const routeTargets = withMissing(spec.targets?.(world) ?? { "-": {} });
  if (spec.get) {
    for (const [name, target] of Object.entries(routeTargets)) {
      for (const who of WHO) {
        cells.push({
          route,
          method: "GET",
          who,
          target: name,
          allowed: name !== MISSING && allows(spec.get, who, name),
          request: { url: url("GET", target) },
        });
      }
    }
  }
  for (const [intent, post] of Object.entries(spec.post ?? {})) {
    const targets = post.targets ? withMissing(post.targets(world)) : routeTargets;
    for (const [name, target] of Object.entries(targets)) {
      const fields = {
        ...(intent.startsWith("-") ? {} : { intent }),
        ...post.fields?.(world),
        ...target.fields,
      };
      for (const who of WHO) {
        cells.push({
          route,
          method: "POST",
          intent,
          who,
          target: name,
          allowed: name !== MISSING && allows(post.allow, who, name),
          request: { url: url("POST", target), fields },
          freshSession: post.freshSession,
        });
      }
    }
  }
  return cells;
}

/**
 * Whether a response let the requester through. Denied: 401/403/404/405, a redirect to the login
 * page, or (for a read) a redirect to another page than the one asked for (a role's home sends
 * other roles to theirs). Everything else — the data, a validation error (400), a conflict
 * (409), a redirect after a write — got through.
 */
export function grantedBy(cell: Cell, status: number, location: string | null): boolean {
  if ([401, 403, 404, 405].includes(status)) return false;
  if (location !== null) {
    if (location.startsWith("/login")) return false;
    if (cell.method === "GET") {
      const asked = new URL(cell.request.url, "http://x").pathname;
      if (HOMES.includes(location) && location !== asked) return false;
    }
  }
  return true;
}

type Handler = (request: Request) => Promise<Response>;

export async function runCell(
  handler: Handler,
  cell: Cell,
  world: World,
  forbidden: Record<Who, string[]>,
  everyMarker: readonly string[],
): Promise<Outcome> {
  let cookie: string | undefined;
  if (cell.who !== "anonymous") {
    cookie = cell.freshSession ? await sessionCookieFor(userOf(world, cell.who)) : world.cookies[cell.who];
  }
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let init: RequestInit = { headers };
  if (cell.method === "POST") {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(cell.request.fields ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    init = {
      method: "POST",
      body,
      headers: {
        ...headers,
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://localhost:3000",
      },
    };
  }
  const started = performance.now();
  const response = await handler(new Request(new URL(cell.request.url, "http://localhost:3000"), init));
  const remixRedirect = response.headers.get("X-Remix-Redirect");
  const status = remixRedirect ? Number(response.headers.get("X-Remix-Status") ?? 302) : response.status;
  const redirected =
    remixRedirect ?? (status >= 300 && status < 400 ? response.headers.get("Location") : null);
  const body = await textOf(response);
  return {
    cell,
    status,
    location: redirected,
    granted: grantedBy(cell, status, redirected),
    leaks: leakedMarkers(body, forbidden[cell.who]),
    seen: leakedMarkers(body, everyMarker),
    ms: Math.round(performance.now() - started),
  };
}

/** The text a reader gets: a spreadsheet's cells, or the body as it is. */
export async function textOf(response: Response): Promise<string> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("spreadsheetml")) return response.text();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  });
  return cells.join("\n");
}

function userOf(world: World, who: Exclude<Who, "anonymous">): string {
  const users = {
    ENTERPRISE: world.users.enterprise,
    BANK: world.users.bank,
    GOV_OFFICE: world.users.office,
    GOV_BUREAU: world.users.bureau,
  };
  return users[who].id;
}

/** A hash of every table but the sessions (reads touch them): what a denied write must not change. */
export async function databaseFingerprint(skipTables: readonly string[] = []): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    databaseProvider() === "postgresql"
      ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  const hash = createHash("sha256");
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (
      name === "Session" ||
      name === "_prisma_migrations" ||
      Object.hasOwn(SEEN_THROUGH, name) ||
      skipTables.includes(name)
    )
      continue;
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    const text = rows.map((row) =>
      JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)),
    );
    hash.update(`${name}\n${text.sort().join("\n")}\n`);
  }
  return hash.digest("hex");
}

export function describeCell(cell: Cell): string {
  const what = cell.method === "GET" ? "GET" : `POST ${cell.intent}`;
  return `${cell.route.id} ${what} as ${cell.who} on ${cell.target}`;
}
