import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueApiClient } from "~/models/api-client.server";

import { server } from "../../mocks/server";

import {
  API_EXPECTATIONS,
  createApiMatrixWorld,
  type ApiTarget,
  type ApiMatrixWorld,
} from "./access-matrix/api-expectations";
import { leakedMarkers } from "./access-matrix/markers";
import { databaseFingerprint, MISSING, pathOf } from "./access-matrix/run";
import { createHandler, type RouteEntry } from "./access-matrix/server-build";
import { createWorld } from "./access-matrix/world";
import { signedRequest, type ApiKey } from "./support/api-client";

let handler: (request: Request) => Promise<Response>;
let routes: RouteEntry[];
let world: ApiMatrixWorld;
let key: ApiKey;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler, routes } = await createHandler());
  world = await createApiMatrixWorld(await createWorld());
  // bank 1's system: the same bank as the matrix's BANK officer, so it may see what they may
  const issued = await issueApiClient(null, { bankId: world.banks.bank1.id });
  if (!issued.ok) throw new Error("could not issue the matrix's client");
  key = issued.client;
}, 120_000);
afterAll(() => server.close());

/** A well-formed value of nothing per URL param (a USCC that is valid but not registered). */
const NOTHING: Record<string, string> = {
  number: "XYD-20000101-9999",
  id: "cmatrixnosuchrecord0000000",
  uscc: "91410100MAXYD1001T",
};

type Cell = {
  routeId: string;
  method: string;
  target: string;
  allowed: boolean;
  path: string;
  body?: unknown;
};
type Outcome = Cell & { status: number; body: string; leaks: string[] };

describe("the API matrix", () => {
  it("has an entry for every /api/v1 route", () => {
    const ids = routes.filter((r) => r.id.startsWith("routes/api.v1.")).map((r) => r.id);
    expect(ids.filter((id) => !(id in API_EXPECTATIONS))).toEqual([]);
    expect(Object.keys(API_EXPECTATIONS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("lets bank 1's client reach its own records only: another bank's and an unauthorised firm's are a 404 like nothing", async () => {
    const byId = new Map(routes.map((r) => [r.id, r]));
    const forbidden = world.markers.forbiddenFor("BANK");
    const cells: Cell[] = [];
    for (const [routeId, specs] of Object.entries(API_EXPECTATIONS)) {
      const route = byId.get(routeId);
      if (!route) continue;
      for (const spec of specs) {
        const targets: Record<string, ApiTarget> = spec.targets(world);
        const withParams = Object.values(targets).find((t) => t.params);
        if (withParams?.params && Object.keys(withParams.params).every((n) => n in NOTHING)) {
          const body = Object.values(targets)[0].body;
          targets[MISSING] = {
            params: Object.fromEntries(Object.keys(withParams.params).map((n) => [n, NOTHING[n]])),
            query: withParams.query,
            body,
          };
        }
        for (const [name, target] of Object.entries(targets)) {
          const query = new URLSearchParams(target.query).toString();
          cells.push({
            routeId,
            method: spec.method,
            target: name,
            allowed: name !== MISSING && spec.allow.includes(name),
            path: `${pathOf(route, byId, target.params)}${query ? `?${query}` : ""}`,
            body: target.body,
          });
        }
      }
    }
    const run = async (cell: Cell): Promise<Outcome> => {
      const response = await handler(
        signedRequest({ method: cell.method, path: cell.path, key, body: cell.body }),
      );
      const body = await response.text();
      return { ...cell, status: response.status, body, leaks: leakedMarkers(body, forbidden) };
    };
    const outcomes: Outcome[] = [];
    // reads, then the denied writes (which must change nothing), then the allowed writes
    for (const cell of cells.filter((c) => c.method === "GET")) outcomes.push(await run(cell));
    // Every signed request records its nonce, counts itself and touches its client, and a write
    // stores its answer under its Idempotency-Key and is audited: those tables change by design.
    const bookkeeping = ["ApiNonce", "ApiRateWindow", "ApiIdempotencyKey", "ApiClient", "AuditLog"];
    const before = await databaseFingerprint(bookkeeping);
    const deniedWrites = cells.filter((c) => c.method !== "GET" && !c.allowed);
    for (const cell of deniedWrites) outcomes.push(await run(cell));
    const problems: string[] = [];
    if ((await databaseFingerprint(bookkeeping)) !== before)
      problems.push("a denied write changed the database");
    for (const cell of cells.filter((c) => c.method !== "GET" && c.allowed)) outcomes.push(await run(cell));

    const nothing = new Map(
      outcomes.filter((o) => o.target === MISSING).map((o) => [`${o.routeId} ${o.method}`, o] as const),
    );
    for (const o of outcomes) {
      const line = `${o.method} ${o.path} (${o.routeId} on ${o.target}) → ${o.status}`;
      if (o.status >= 500) problems.push(`server error ${line}: ${o.body.slice(0, 200)}`);
      if (o.allowed && [401, 403, 404, 405].includes(o.status))
        problems.push(`unexpected deny ${line}: ${o.body.slice(0, 200)}`);
      if (!o.allowed && o.status !== 404) problems.push(`UNEXPECTED ALLOW ${line}`);
      if (o.leaks.length) problems.push(`LEAK ${line}: ${o.leaks.join(", ")}`);
      const none = nothing.get(`${o.routeId} ${o.method}`);
      if (!o.allowed && none && (none.status !== o.status || none.body !== o.body))
        problems.push(`EXISTENCE LEAK ${line}, but an id of nothing → ${none.status} ${none.body}`);
    }
    console.log(`API MATRIX cells=${outcomes.length} problems=${problems.length}`);
    expect(problems).toEqual([]);
    expect(outcomes.filter((o) => o.allowed).length).toBeGreaterThan(12);
  }, 240_000);
});
