import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_PASSWORD } from "~/models/demo";
import * as display from "~/routes/display";
import * as help from "~/routes/help._index";
import * as locale from "~/routes/locale";
import * as login from "~/routes/login";

import { server } from "../../mocks/server";
import { createBank, createUser } from "../../prisma/factories";
import { ALLOW_HEADER, ALLOWED_METHODS } from "../../server/http-guards.js";

import { BASE_URL, call, db, postRequest, sessionCookieFor } from "./helpers";
import { closeSnapshotReader, createChangeTracker } from "./support/db-snapshot";
import { buildRequest, enumeratedPayloads, payloadArbitrary, type Payload } from "./support/hostile-payloads";
import { buildWorld, cookieFor, type ActionCase, type World } from "./support/hostile-world";
import { rawRequest, routePaths, startGuardedApp } from "./support/raw-http";
import { FALLBACK, offSiteProblem, REDIRECT_BYPASSES, REDIRECT_KEEPS } from "./support/redirect-targets";

/**
 * Hostile input against every action, posted as the role the action is for: missing and extra
 * fields, 100k-character strings, control characters, HTML and SQL, NaN, negative and 1e308
 * amounts, year-9999 dates, invalid USCCs, wrong choices, fields sent twice, bodies that are not
 * forms. Each payload must be refused with a 4xx — a 400 carrying a field or form error when
 * the action answers with data — and must change no row of any table. The valid form is posted
 * last and must succeed, so a refusal is the payload's doing and not a broken fixture.
 *
 * Then the targets an attacker puts in `redirectTo` (control characters, backslashes,
 * scheme-relative, `javascript:`, userinfo, dot segments, over-long) against every action that
 * redirects to a user-supplied target, and every HTTP method the portal does not answer
 * (TRACE, CONNECT, WebDAV, OPTIONS…) on every route, through the guards server.js mounts.
 *
 * Prints `HOSTILE payloads=N errors500=N rowsChanged=N seed=S`.
 */

const RANDOM_RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);

let world: World;
const totals = { payloads: 0, errors500: 0, rowsChanged: 0 };

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  world = await buildWorld();
});
afterAll(async () => {
  server.close();
  await closeSnapshotReader();
  console.log(
    `HOSTILE payloads=${totals.payloads} errors500=${totals.errors500} rowsChanged=${totals.rowsChanged} seed=${SEED}`,
  );
});

/** Route modules that export an action, read from app/routes (flat files and folder routes). */
function routesWithActions(): string[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) =>
      entry.isDirectory()
        ? { route: entry.name, file: path.join(dir, entry.name, "route.tsx") }
        : { route: entry.name.replace(/\.tsx?$/, ""), file: path.join(dir, entry.name) },
    )
    .filter(({ file }) => /\.tsx?$/.test(file) && existsSync(file))
    .filter(({ file }) =>
      /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(file, "utf8")),
    )
    .map(({ route }) => route)
    .sort();
}

type Outcome = { status: number; body: unknown; threw?: string };

async function send(c: ActionCase, request: Request): Promise<Outcome> {
  let result: unknown;
  try {
    result = await call(c.action as Parameters<typeof call>[0], request, c.params ?? {});
  } catch (error) {
    return {
      status: 500,
      body: null,
      threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  if (!(result instanceof Response)) return { status: 200, body: result };
  const text = await result.text();
  let body: unknown = text;
  if ((result.headers.get("Content-Type") ?? "").includes("json")) body = JSON.parse(text);
  return { status: result.status, body };
}

/** A data answer says what is wrong: a field error, a form error or an error key. */
function carriesAnError(body: unknown): boolean {
  if (typeof body === "string") return body.length > 0;
  if (!body || typeof body !== "object") return false;
  const b = body as { errors?: Record<string, unknown>; formError?: unknown; error?: unknown };
  return Boolean((b.errors && Object.keys(b.errors).length > 0) || b.formError || b.error);
}

function problemWith(c: ActionCase, outcome: Outcome, changed: string[]): string | null {
  if (outcome.threw) return `500 (${outcome.threw.slice(0, 160)})`;
  if (c.ignoresBody) {
    if (outcome.status >= 500) return `status ${outcome.status}`;
  } else {
    if (outcome.status < 400 || outcome.status >= 500) return `status ${outcome.status}`;
    if (!carriesAnError(outcome.body))
      return `status ${outcome.status} without an error: ${JSON.stringify(outcome.body).slice(0, 120)}`;
  }
  const unexpected = changed.filter((table) => !(c.mayChange ?? []).includes(table));
  if (unexpected.length) return `changed ${unexpected.join(", ")}`;
  return null;
}

describe("hostile input", () => {
  it("has a case for every route with an action", async () => {
    const covered = new Set(world.cases.map((c) => c.route));
    expect(routesWithActions().filter((route) => !covered.has(route))).toEqual([]);
  });

  it("refuses every hostile payload with a 4xx and an error, changing no row; the valid form then succeeds", async () => {
    const failures: string[] = [];
    const tracker = await createChangeTracker();
    for (const c of world.cases) {
      const random = fc.sample(payloadArbitrary(c), { numRuns: RANDOM_RUNS, seed: SEED });
      const payloads: Payload[] = [...enumeratedPayloads(c), ...random];
      for (const payload of payloads) {
        const outcome = await send(
          c,
          buildRequest(new URL(c.path, BASE_URL).href, payload, cookieFor(world, c)),
        );
        const changed = await tracker.changed();
        totals.payloads += 1;
        if (outcome.status >= 500) totals.errors500 += 1;
        if (changed.some((table) => !(c.mayChange ?? []).includes(table))) totals.rowsChanged += 1;
        const problem = problemWith(c, outcome, changed);
        if (problem)
          failures.push(`${c.route} [${c.name}] ${payload.label} (${payload.encoding}): ${problem}`);
      }
      const replacement = await c.beforeValid?.();
      const cookie = typeof replacement === "string" ? replacement : cookieFor(world, c);
      const valid = await send(c, postRequest(c.path, c.form, { cookie }));
      await c.afterValid?.();
      await tracker.changed();
      if (!(c.succeeds ?? [302]).includes(valid.status))
        failures.push(
          `${c.route} [${c.name}] the valid form answered ${valid.status}: ${JSON.stringify(valid.body).slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
    expect(totals.errors500).toBe(0);
    expect(totals.rowsChanged).toBe(0);
    // thousands of requests, one after another: minutes on a busy two-core machine as cases grow
  }, 600_000);
});

/**
 * Every route that reads a `redirectTo` field, flat files and folder routes (any module in the
 * folder): each must be among REDIRECT_PLACES below.
 */
function routesReadingRedirectTo(): string[] {
  const dir = path.resolve("app/routes");
  const readsRedirect = (file: string) =>
    /\.get\(\s*["']redirectTo["']\s*\)/.test(readFileSync(file, "utf8"));
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory()
        ? readdirSync(path.join(dir, entry.name))
            .filter((file) => /\.tsx?$/.test(file))
            .some((file) => readsRedirect(path.join(dir, entry.name, file)))
        : /\.tsx?$/.test(entry.name) && readsRedirect(path.join(dir, entry.name)),
    )
    .map((entry) => entry.name.replace(/\.tsx?$/, ""))
    .sort();
}

describe("user-supplied redirect targets", () => {
  type Place = {
    route: string;
    /** the form without redirectTo, and the cookie to post it with */
    post: () => Promise<{ form: Record<string, string>; cookie?: string }>;
    action: ActionCase["action"];
    path: string;
    /** where a refused target sends the user */
    fallback: string;
  };
  let officer: { username: string; id: string };
  beforeAll(async () => {
    const bank = await createBank(db);
    officer = await createUser(db, { role: "BANK", bankId: bank.id });
  });
  const REDIRECT_PLACES: Place[] = [
    {
      route: "display",
      action: display.action,
      path: "/display",
      post: async () => ({ form: { mode: "elder" }, cookie: await sessionCookieFor(officer.id) }),
      fallback: "/",
    },
    {
      route: "login",
      action: login.action,
      path: "/login",
      // the right password: the redirect happens once signed in
      post: async () => ({ form: { username: officer.username, password: DEMO_PASSWORD } }),
      fallback: "/bank",
    },
    {
      route: "locale",
      action: locale.action,
      path: "/locale",
      post: async () => ({ form: { locale: "en" }, cookie: await sessionCookieFor(officer.id) }),
      fallback: "/",
    },
    {
      route: "help._index",
      action: help.action,
      path: "/help",
      // dismissing the first-visit tour returns to the page the tour was on
      post: async () => ({ form: { intent: "dismissTour" }, cookie: await sessionCookieFor(officer.id) }),
      fallback: "/help",
    },
  ];

  it("covers every route that reads a redirectTo field", () => {
    expect(routesReadingRedirectTo()).toEqual(REDIRECT_PLACES.map((p) => p.route).sort());
  });

  it("never leaves the site, never answers 500: refused targets fall back, site paths are kept", async () => {
    const failures: string[] = [];
    for (const place of REDIRECT_PLACES) {
      for (const { label, target, expected } of [...REDIRECT_BYPASSES, ...REDIRECT_KEEPS]) {
        const { form, cookie } = await place.post();
        let location: string | null = null;
        let status: number;
        try {
          const result = await call(
            place.action as Parameters<typeof call>[0],
            postRequest(place.path, { ...form, redirectTo: target }, { cookie }),
          );
          status = result instanceof Response ? result.status : 200;
          location = result instanceof Response ? result.headers.get("Location") : null;
        } catch (error) {
          status = 500;
          failures.push(
            `${place.route} ${label}: threw ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        totals.payloads += 1;
        if (status >= 500) {
          totals.errors500 += 1;
          continue;
        }
        const want = expected === FALLBACK ? place.fallback : expected;
        if (status !== 302) failures.push(`${place.route} ${label}: status ${status}`);
        else if (location !== want)
          failures.push(`${place.route} ${label}: Location ${JSON.stringify(location)?.slice(0, 120)}`);
        const problem = offSiteProblem(location);
        if (problem) failures.push(`${place.route} ${label}: ${problem.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

describe("HTTP methods the portal does not answer", () => {
  // Every method Node's parser accepts but the portal does not serve: TRACE, CONNECT, OPTIONS,
  // the WebDAV family, PURGE, QUERY…
  const REFUSED = http.METHODS.filter((method) => !ALLOWED_METHODS.includes(method));
  let app: Awaited<ReturnType<typeof startGuardedApp>>;
  beforeAll(async () => {
    app = await startGuardedApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("refuses them with 405 and an Allow header on every route, changing no row", async () => {
    expect(REFUSED).toEqual(expect.arrayContaining(["TRACE", "CONNECT", "OPTIONS", "PROPFIND"]));
    const paths = routePaths(app.routes);
    expect(paths).toEqual(
      expect.arrayContaining(["/login", "/locale", "/bank/applications/clxxxxxxxxxxxxxxxxxxxxxxx"]),
    );
    const cookie = `Cookie: ${await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id)}`;
    const tracker = await createChangeTracker();
    const failures: string[] = [];
    for (const pathname of paths) {
      for (const method of REFUSED) {
        const response = await rawRequest(app.port, method, pathname, [cookie, "Content-Length: 0"]);
        totals.payloads += 1;
        if (response.status >= 500) totals.errors500 += 1;
        if (response.status !== 405) failures.push(`${method} ${pathname}: status ${response.status}`);
        else if (response.headers.allow !== ALLOW_HEADER)
          failures.push(`${method} ${pathname}: Allow ${JSON.stringify(response.headers.allow)}`);
      }
      const changed = await tracker.changed();
      if (changed.length) {
        totals.rowsChanged += 1;
        failures.push(`${pathname}: changed ${changed.join(", ")}`);
      }
    }
    // CONNECT in its own form (a host and port, as a proxy client sends it)
    const tunnel = await rawRequest(app.port, "CONNECT", `evil.example:443`);
    totals.payloads += 1;
    if (tunnel.status !== 405 || tunnel.headers.allow !== ALLOW_HEADER)
      failures.push(`CONNECT evil.example:443: status ${tunnel.status}, Allow ${tunnel.headers.allow}`);
    expect(failures).toEqual([]);
  }, 120_000);

  it("still answers the methods it serves (the harness itself is sound)", async () => {
    const page = await rawRequest(app.port, "GET", "/login");
    expect(page.status).toBe(200);
    const head = await rawRequest(app.port, "HEAD", "/login");
    expect(head.status).toBe(200);
  });
});
