import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { server } from "../../mocks/server";

import { EXPECTATIONS } from "./access-matrix/expectations";
import { WHO, type Who } from "./access-matrix/markers";
import {
  cellsOf,
  databaseFingerprint,
  describeCell,
  MISSING,
  runCell,
  textOf,
  type Cell,
  type Outcome,
} from "./access-matrix/run";
import { createHandler, type RouteEntry } from "./access-matrix/server-build";
import { createWorld, type World } from "./access-matrix/world";
import { db } from "./helpers";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

let handler: (request: Request) => Promise<Response>;
let routes: RouteEntry[];
let world: World;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler, routes } = await createHandler());
  world = await createWorld();
  // The bureau revokes E2's whitelist entry through the app, so that the notifications it sends
  // are the app's own: banks that may not see E2 must not learn its name from them.
  const revoke = await handler(
    new Request(
      `http://localhost:3000/gov/whitelist/${world.whitelist.w2.id}?_data=routes%2Fgov.whitelist.%24id`,
      {
        method: "POST",
        body: new URLSearchParams({ intent: "revoke", reason: "矩阵测试：撤销" }),
        headers: { Cookie: world.cookies.GOV_BUREAU, "Content-Type": "application/x-www-form-urlencoded" },
      },
    ),
  );
  expect(revoke.headers.get("X-Remix-Redirect")).toBe(`/gov/whitelist/${world.whitelist.w2.id}`);
}, 120_000);
afterAll(() => server.close());

/** The same request but for its target. */
const sameQuestion = (cell: Cell) => `${cell.route.id} ${cell.method} ${cell.intent ?? ""} ${cell.who}`;
/** A denial's status, and whether it sends to the login page. */
const answerOf = (o: Outcome) => `${o.status}${o.location?.startsWith("/login") ? " to /login" : ""}`;

/** One outcome as the MATRIX_REPORT file lists it. */
const summary = (o: Outcome) => ({
  route: o.cell.route.id,
  method: o.cell.method,
  intent: o.cell.intent ?? null,
  who: o.cell.who,
  target: o.cell.target,
  expected: o.cell.allowed ? "allow" : "deny",
  status: o.status,
  location: o.location,
  granted: o.granted,
  leaks: o.leaks,
  seen: o.seen,
  ms: o.ms,
});

describe("the table covers the app", () => {
  it("has an entry for every route, and none for a route the app does not have", () => {
    const ids = routes.map((r) => r.id);
    const missing = ids.filter((id) => !(id in EXPECTATIONS));
    expect(
      missing,
      `routes missing from tests/integration/access-matrix/expectations.ts — add an entry saying who may GET and POST (see the comment above EXPECTATIONS)`,
    ).toEqual([]);
    expect(
      Object.keys(EXPECTATIONS).filter((id) => !ids.includes(id)),
      "entries for routes that do not exist",
    ).toEqual([]);
  });

  it("lists GET exactly for the routes with a loader and POST for those with an action", () => {
    const wrong = routes.flatMap((r) => {
      const spec = EXPECTATIONS[r.id];
      if (!spec) return [];
      const problems: string[] = [];
      if (r.hasLoader !== Boolean(spec.get))
        problems.push(`${r.id}: ${r.hasLoader ? "has a loader but no get" : "get given but no loader"}`);
      if (r.hasAction !== Boolean(spec.post && Object.keys(spec.post).length))
        problems.push(
          `${r.id}: ${r.hasAction ? "has an action but no post intents" : "post given but no action"}`,
        );
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it("lists every intent the route's code compares `intent` with", () => {
    const unlisted = routes.flatMap((r) => {
      const source = readFileSync(path.join(APP_DIR, r.file), "utf8");
      const found = [...source.matchAll(/intent"?\)? [!=]== "(\w+)"|case "(\w+)":/g)].map(
        (m) => m[1] ?? m[2],
      );
      const listed = Object.keys(EXPECTATIONS[r.id]?.post ?? {});
      return [...new Set(found)]
        .filter((intent) => !listed.includes(intent))
        .map((intent) => `${r.id}: ${intent}`);
    });
    expect(unlisted, "intents missing from the route's post in expectations.ts").toEqual([]);
  });
});

describe("the access-control matrix", () => {
  it("notices a write in the database fingerprint (denied writes are checked with it)", async () => {
    const before = await databaseFingerprint();
    expect(await databaseFingerprint()).toBe(before);
    const note = await db.notification.create({
      data: { userId: world.users.spare.id, kind: "x", params: "{}" },
    });
    expect(await databaseFingerprint()).not.toBe(before);
    await db.notification.delete({ where: { id: note.id } });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("reads the cells of a spreadsheet download (exports are searched too)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("导出").addRow(["ZQXE3科技有限公司", 8_642_013]);
    const response = new Response(await workbook.xlsx.writeBuffer(), {
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    const text = await textOf(response);
    expect(text).toContain("ZQXE3");
    expect(text).toContain("8642013");
  });

  it("allows exactly what the table allows, and no response carries data its reader may not see", async () => {
    const started = Date.now();
    const byId = new Map(routes.map((r) => [r.id, r]));
    const cells = routes.flatMap((r) =>
      EXPECTATIONS[r.id] ? cellsOf(r, EXPECTATIONS[r.id], world, byId) : [],
    );
    const forbidden = Object.fromEntries(WHO.map((who) => [who, world.markers.forbiddenFor(who)])) as Record<
      Who,
      string[]
    >;
    const everyMarker = world.markers.all().map(([marker]) => marker);
    const outcomes: Outcome[] = [];
    const problems: string[] = [];
    const run = async (cell: Cell) => {
      const outcome = await runCell(handler, cell, world, forbidden, everyMarker);
      outcomes.push(outcome);
      return outcome;
    };

    // 1. Every read; then the allowed ones again with the requesters in the reverse order, so
    // that a cache shared across scopes (the bureau's figures served to an office) shows.
    const reads = cells.filter((c) => c.method === "GET");
    for (const cell of reads) await run(cell);
    const reversed = [...WHO].reverse();
    for (const who of reversed)
      for (const cell of reads.filter((c) => c.allowed && c.who === who)) await run(cell);
    // 2. Every write the table denies, route by route: none may change the database.
    for (const route of routes) {
      const denied = cells.filter((c) => c.route === route && c.method === "POST" && !c.allowed);
      if (!denied.length) continue;
      const before = await databaseFingerprint();
      const results = [];
      for (const cell of denied) results.push(await run(cell));
      if (results.every((o) => !o.granted) && (await databaseFingerprint()) !== before)
        problems.push(`${route.id}: a denied POST changed the database`);
    }
    // 3. Every write the table allows (last: they change the fixture), the banks' first, the
    // firm's last (closing its demand or accepting an offer would stop the bank's writes).
    const order: Who[] = ["BANK", "GOV_OFFICE", "GOV_BUREAU", "ENTERPRISE", "anonymous"];
    const allowed = cells.filter((c) => c.method === "POST" && c.allowed);
    for (const who of order) for (const cell of allowed.filter((c) => c.who === who)) await run(cell);

    const unexpectedAllows = outcomes.filter((o) => o.granted && !o.cell.allowed);
    const unexpectedDenies = outcomes.filter((o) => !o.granted && o.cell.allowed);
    const errors = outcomes.filter((o) => o.status >= 500);
    const leaks = outcomes.filter((o) => o.leaks.length);
    const line = (o: Outcome) =>
      `${describeCell(o.cell)} → ${o.status}${o.location ? ` ${o.location}` : ""}${o.leaks.length ? ` leaks ${o.leaks.join(", ")}` : ""}`;
    problems.push(
      ...unexpectedAllows.map((o) => `UNEXPECTED ALLOW ${line(o)}`),
      ...unexpectedDenies.map((o) => `unexpected deny (fix the table or the app) ${line(o)}`),
      ...errors.map((o) => `server error ${line(o)}`),
      ...leaks.map((o) => `LEAK ${line(o)}`),
    );
    // A read that is denied is a 404 (or a redirect), never a 403 that says the thing exists.
    for (const o of outcomes.filter((o) => !o.granted && o.cell.method === "GET" && o.status === 403))
      problems.push(`403 on a read (must be 404) ${line(o)}`);
    // A denied id answers exactly as an id of nothing does: existence does not leak.
    const missing = new Map(
      outcomes.filter((o) => o.cell.target === MISSING).map((o) => [sameQuestion(o.cell), o] as const),
    );
    for (const o of outcomes.filter((o) => !o.granted && o.cell.target !== MISSING)) {
      const nothing = missing.get(sameQuestion(o.cell));
      if (nothing && answerOf(nothing) !== answerOf(o))
        problems.push(`EXISTENCE LEAK ${line(o)}, but an id of nothing → ${answerOf(nothing)}`);
    }
    // A marker nobody allowed ever receives proves nothing: each must reach someone allowed.
    for (const [marker, seeing] of world.markers.shown()) {
      if (!outcomes.some((o) => seeing.has(o.cell.who) && o.seen.includes(marker)))
        problems.push(
          `marker ${marker} reached none of ${[...seeing].join(", ")}: the search for it is vacuous`,
        );
    }
    if (process.env.MATRIX_REPORT)
      writeFileSync(process.env.MATRIX_REPORT, JSON.stringify(outcomes.map(summary), null, 1));
    // for scripts/reliability.js (npm run test:reliability)
    console.log(
      `RELIABILITY matrix_cells=${outcomes.length} matrix_unexpected_allows=${unexpectedAllows.length} matrix_unexpected_denies=${unexpectedDenies.length} matrix_leaks=${leaks.length}`,
    );
    console.log(
      `MATRIX cells=${outcomes.length} unexpectedAllows=${unexpectedAllows.length} unexpectedDenies=${unexpectedDenies.length} leaks=${leaks.length} errors=${errors.length} ms=${Date.now() - started}`,
    );
    expect(problems).toEqual([]);
  }, 240_000);
});
