import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { server } from "../../mocks/server";

import { BASE_URL, call, postRequest } from "./helpers";
import { closeSnapshotReader, createChangeTracker } from "./support/db-snapshot";
import { buildRequest, enumeratedPayloads, payloadArbitrary, type Payload } from "./support/hostile-payloads";
import { buildWorld, cookieFor, type ActionCase, type World } from "./support/hostile-world";

/**
 * Hostile input against every action, posted as the role the action is for: missing and extra
 * fields, 100k-character strings, control characters, HTML and SQL, NaN, negative and 1e308
 * amounts, year-9999 dates, invalid USCCs, wrong choices, fields sent twice, bodies that are not
 * forms. Each payload must be refused with a 4xx — a 400 carrying a field or form error when
 * the action answers with data — and must change no row of any table. The valid form is posted
 * last and must succeed, so a refusal is the payload's doing and not a broken fixture.
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
      await tracker.changed();
      if (!(c.succeeds ?? [302]).includes(valid.status))
        failures.push(
          `${c.route} [${c.name}] the valid form answered ${valid.status}: ${JSON.stringify(valid.body).slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
    expect(totals.errors500).toBe(0);
    expect(totals.rowsChanged).toBe(0);
  }, 120_000);
});
