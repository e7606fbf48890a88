import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { issueApiClient } from "~/models/api-client.server";

import { server } from "../../mocks/server";

import { createHandler } from "./access-matrix/server-build";
import { signedRequest, type ApiKey } from "./support/api-client";
import { createHostileCases, payloadsOf, type Case, type Payload } from "./support/api-hostile-cases";
import { closeSnapshotReader, createChangeTracker } from "./support/db-snapshot";
import { createPoolWorld } from "./support/pool-world";

/**
 * Hostile bodies against every API write, signed by a valid client: every field of the wrong
 * type, NaN/exponent/negative/over-long money, impossible and year-9999 dates, 100k strings,
 * control characters, prototype keys, bodies that are not objects or not JSON (and any body at
 * all to an endpoint that takes none). Each must be refused with a 4xx carrying the SPEC's
 * error shape, and change no row (only the pipeline's bookkeeping: nonce, counter, the stored
 * answer, the api.write audit). The valid body is sent last and must succeed, writing the
 * case's table, so a refusal is the payload's doing. The cases: support/api-hostile-cases.ts.
 */

const BOOKKEEPING = ["ApiNonce", "ApiRateWindow", "ApiIdempotencyKey", "ApiClient", "AuditLog"];

let handle: (request: Request) => Promise<Response>;
/** a client per case: a case's payloads stay under the 600 requests a minute of one client */
let cases: (Case & { key: ApiKey })[];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler: handle } = await createHandler());
  const w = await createPoolWorld();
  cases = [];
  for (const c of await createHostileCases(w)) {
    const issued = await issueApiClient(null, { bankId: w.bank.id });
    if (!issued.ok) throw new Error(issued.error);
    cases.push({ ...c, key: issued.client });
  }
}, 120_000);
afterAll(async () => {
  server.close();
  await closeSnapshotReader();
});

function request(c: (typeof cases)[number], payload: Payload) {
  const text = payload.raw ?? JSON.stringify(payload.body);
  const signed = signedRequest({ method: c.method, path: c.path, key: c.key, body: text });
  if (!payload.contentType) return signed;
  const headers = new Headers(signed.headers);
  headers.set("Content-Type", payload.contentType);
  return new Request(signed.url, { method: c.method, headers, body: text });
}

describe("hostile bodies against the API's writes", () => {
  it("refuses each with a 4xx in the error shape and changes no row; the valid body then succeeds", async () => {
    const failures: string[] = [];
    const tracker = await createChangeTracker();
    let count = 0;
    for (const c of cases) {
      for (const payload of payloadsOf(c)) {
        count += 1;
        const response = await handle(request(c, payload));
        const text = await response.text();
        const changed = (await tracker.changed()).filter((t) => !BOOKKEEPING.includes(t));
        let code: unknown = null;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = null;
        }
        if (response.status < 400 || response.status >= 500 || typeof code !== "string")
          failures.push(`${c.name} ${payload.label}: ${response.status} ${text.slice(0, 160)}`);
        if (changed.length) failures.push(`${c.name} ${payload.label}: changed ${changed.join(", ")}`);
      }
      const valid = await handle(signedRequest({ method: c.method, path: c.path, key: c.key, body: c.body }));
      // the harness is sound: the tracker sees the valid body's rows
      const written = await tracker.changed();
      if (!written.includes(c.table))
        failures.push(`${c.name} valid body: the tracker saw ${written.join(", ") || "nothing"}`);
      if (valid.status !== c.status)
        failures.push(`${c.name} valid body: ${valid.status} ${(await valid.text()).slice(0, 200)}`);
    }
    console.log(`API HOSTILE payloads=${count} failures=${failures.length}`);
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(100);
  }, 300_000);
});
