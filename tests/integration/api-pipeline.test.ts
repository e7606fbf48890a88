import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { admitRequest, pruneApiRequestRecords, pruneIdempotencyKeys } from "~/models/api-request.server";
import { revokeApiClient, rotateApiClientSecret } from "~/models/api-client.server";

import { server } from "../../mocks/server";

import { createHandler } from "./access-matrix/server-build";
import { bureauUser } from "../../prisma/factories";
import { db } from "./helpers";
import { newNonce, signedRequest, type ApiError } from "./support/api-client";
import { createApiWorld, type ApiWorld } from "./support/api-world";

let handle: (request: Request) => Promise<Response>;
let w: ApiWorld;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler: handle } = await createHandler());
  w = await createApiWorld();
}, 120_000);
afterAll(() => server.close());

async function errorOf(response: Response) {
  return ((await response.json()) as ApiError).error;
}

const list = "/api/v1/applications?limit=5";

describe("the signature", () => {
  it("lets a correctly signed request through, without a session and not cacheable", async () => {
    const response = await handle(signedRequest({ path: list, key: w.keys.a }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const body = (await response.json()) as { data: { number: string }[]; next: string | null };
    expect(body.data.map((a) => a.number)).toEqual([w.applications.a.number]);
  });

  it("refuses a request without the signature headers (401 signature_missing)", async () => {
    const response = await handle(new Request(`http://localhost:3000${list}`));
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: "signature_missing" });
  });

  it("refuses malformed headers: a short nonce, a non-numeric timestamp", async () => {
    const short = await handle(signedRequest({ path: list, key: w.keys.a, nonce: "abc" }));
    expect(short.status).toBe(401);
    expect((await errorOf(short)).code).toBe("signature_malformed");
    const request = signedRequest({ path: list, key: w.keys.a });
    request.headers.set("X-Xyd-Timestamp", "soon");
    const response = await handle(request);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("signature_malformed");
  });

  it("refuses an unknown key", async () => {
    const response = await handle(signedRequest({ path: list, key: { keyId: "nobody-here", secret: "x" } }));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("key_unknown");
  });

  it("refuses a wrong secret, a signature over another path, and one over another body", async () => {
    const wrong = await handle(signedRequest({ path: list, key: { ...w.keys.a, secret: "not-the-secret" } }));
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe("signature_invalid");

    const request = signedRequest({ path: "/api/v1/applications?limit=6", key: w.keys.a });
    const moved = new Request(`http://localhost:3000${list}`, { headers: request.headers });
    expect((await handle(moved)).status).toBe(401);

    const body = { action: "accept", version: 0 };
    const tampered = await handle(
      signedRequest({
        method: "POST",
        path: `/api/v1/applications/${w.applications.a.number}/transitions`,
        key: w.keys.a,
        body,
        signBody: JSON.stringify({ action: "accept", version: 1 }),
      }),
    );
    expect(tampered.status).toBe(401);
    expect((await errorOf(tampered)).code).toBe("signature_invalid");
    const application = await db.application.findUniqueOrThrow({ where: { id: w.applications.a.id } });
    expect(application.state).toBe("SUBMITTED");
  });

  it("refuses a timestamp more than 300 s away either way, and takes one 290 s away", async () => {
    // The server reads its clock a moment after this test does (a second or more under load), so the
    // request-level check keeps a margin; tests/unit/api-signature.test.ts holds the exact edges.
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301, now + 310]) {
      const response = await handle(signedRequest({ path: list, key: w.keys.a, timestamp }));
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe("timestamp_out_of_window");
    }
    expect((await handle(signedRequest({ path: list, key: w.keys.a, timestamp: now - 290 }))).status).toBe(
      200,
    );
  });

  it("refuses a nonce the key used already (a replay), but not the same nonce of another key", async () => {
    const nonce = newNonce();
    expect((await handle(signedRequest({ path: list, key: w.keys.a, nonce }))).status).toBe(200);
    const replay = await handle(signedRequest({ path: list, key: w.keys.a, nonce }));
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).code).toBe("nonce_reused");
    expect((await handle(signedRequest({ path: list, key: w.keys.b, nonce }))).status).toBe(200);
  });

  it("forgets a nonce 10 minutes after its accepted use", async () => {
    const nonce = newNonce();
    const t0 = new Date("2026-12-06T01:00:00Z").getTime();
    const at = (ms: number) => admitRequest(w.keys.a.id, nonce, new Date(t0 + ms));
    expect((await at(0)).nonceFresh).toBe(true);
    expect((await at(599_000)).nonceFresh).toBe(false);
    // a refused use does not renew the nonce: 10 minutes after t0 it is free again
    expect((await at(600_001)).nonceFresh).toBe(true);
    expect((await at(601_000)).nonceFresh).toBe(false);
  });

  it("refuses a revoked key at once", async () => {
    const { keys } = await createApiWorldKeys();
    expect((await handle(signedRequest({ path: list, key: keys }))).status).toBe(200);
    const bureau = await bureauUser(db);
    await revokeApiClient({ ...bureauActor(bureau), ip: "127.0.0.1" }, keys.id);
    const response = await handle(signedRequest({ path: list, key: keys }));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("key_unknown");
  });

  it("takes the old and the new secret during the grace period of a rotation, then only the new", async () => {
    const { keys } = await createApiWorldKeys();
    const bureau = { ...bureauActor(await bureauUser(db)), ip: "127.0.0.1" };
    const rotated = await rotateApiClientSecret(bureau, keys.id, { graceHours: 1 });
    if (!rotated.ok || !rotated.secret) throw new Error("rotation failed");
    const fresh = { ...keys, secret: rotated.secret };
    expect((await handle(signedRequest({ path: list, key: keys }))).status).toBe(200);
    expect((await handle(signedRequest({ path: list, key: fresh }))).status).toBe(200);
    await db.apiClient.update({
      where: { id: keys.id },
      data: { previousValidUntil: new Date(Date.now() - 1000) },
    });
    expect((await handle(signedRequest({ path: list, key: keys }))).status).toBe(401);
    expect((await handle(signedRequest({ path: list, key: fresh }))).status).toBe(200);
    // the secret is not stored in clear anywhere in the row
    const row = await db.apiClient.findUniqueOrThrow({ where: { id: keys.id } });
    expect(JSON.stringify(row)).not.toContain(rotated.secret);
    expect(JSON.stringify(row)).not.toContain(keys.secret);
  });
});

function bureauActor(user: { id: string; username: string; displayName: string }) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: "GOV_BUREAU" as const,
    enterpriseId: null,
    bankId: null,
    subDistrictId: null,
    organization: null,
    ip: "203.0.113.90",
  };
}

async function createApiWorldKeys() {
  const { issueApiClient } = await import("~/models/api-client.server");
  const issued = await issueApiClient(null, { bankId: w.banks.a.id });
  if (!issued.ok) throw new Error("issue failed");
  return { keys: { id: issued.client.id, keyId: issued.client.keyId, secret: issued.client.secret } };
}

describe("the request limit", () => {
  it("answers 429 with Retry-After past 600 requests a minute, counted across servers in the database", async () => {
    const { keys } = await createApiWorldKeys();
    const minute = Math.floor(Date.now() / 60_000);
    // 600 requests of this minute already counted (by this or another app server)
    await db.apiRateWindow.create({ data: { clientId: keys.id, minute, count: 600 } });
    const response = await handle(signedRequest({ path: list, key: keys }));
    if (Math.floor(Date.now() / 60_000) !== minute) return; // the minute turned during the test: nothing to assert
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect((await errorOf(response)).code).toBe("rate_limited");
    // another client is not limited by it
    expect((await handle(signedRequest({ path: list, key: w.keys.b }))).status).toBe(200);
  });
});

describe("the body", () => {
  const path = () => `/api/v1/applications/${w.applications.a.number}/transitions`;

  it("refuses more than 1 MiB with 413, before anything is written", async () => {
    const big = JSON.stringify({ action: "accept", version: 0, reasonText: "x".repeat(1024 * 1024) });
    const response = await handle(signedRequest({ method: "POST", path: path(), key: w.keys.a, body: big }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
  });

  it("refuses a body that is not JSON (415) or not valid JSON (400)", async () => {
    const form = signedRequest({
      method: "POST",
      path: path(),
      key: w.keys.a,
      body: "action=accept",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect((await handle(form)).status).toBe(415);
    const broken = await handle(
      signedRequest({ method: "POST", path: path(), key: w.keys.a, body: "{nope" }),
    );
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe("invalid_json");
  });

  it("answers field errors for a body of the wrong shape (400)", async () => {
    const response = await handle(
      signedRequest({
        method: "POST",
        path: path(),
        key: w.keys.a,
        body: { action: "explode", version: "zero", amount: 12.5, extra: 1 },
      }),
    );
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["action", "amount", "extra", "version"]);
  });
});

describe("idempotency", () => {
  const path = () => `/api/v1/applications/${w.applications.a.number}/transitions`;

  it("needs an Idempotency-Key of 1–64 characters on a write", async () => {
    const missing = await handle(
      signedRequest({
        method: "POST",
        path: path(),
        key: w.keys.a,
        body: { action: "accept", version: 0 },
        idempotencyKey: null,
      }),
    );
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).code).toBe("idempotency_key_missing");
    const long = await handle(
      signedRequest({
        method: "POST",
        path: path(),
        key: w.keys.a,
        body: { action: "accept", version: 0 },
        idempotencyKey: "k".repeat(65),
      }),
    );
    expect(long.status).toBe(400);
    expect((await errorOf(long)).code).toBe("idempotency_key_invalid");
  });

  it("answers a retry with the first response and does nothing again; another body with the key is 422", async () => {
    const key = `accept-${newNonce()}`;
    const body = { action: "accept", version: 0 };
    const first = await handle(
      signedRequest({ method: "POST", path: path(), key: w.keys.a, body, idempotencyKey: key }),
    );
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const events = await db.applicationEvent.count({ where: { applicationId: w.applications.a.id } });

    const again = await handle(
      signedRequest({ method: "POST", path: path(), key: w.keys.a, body, idempotencyKey: key }),
    );
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);
    expect(await db.applicationEvent.count({ where: { applicationId: w.applications.a.id } })).toBe(events);

    const other = await handle(
      signedRequest({
        method: "POST",
        path: path(),
        key: w.keys.a,
        body: { action: "accept", version: 1 },
        idempotencyKey: key,
      }),
    );
    expect(other.status).toBe(422);
    expect((await errorOf(other)).code).toBe("idempotency_key_reused");

    // keys belong to a client: bank B may use the same key for its own request
    const b = await handle(
      signedRequest({
        method: "POST",
        path: `/api/v1/applications/${w.applications.b.number}/transitions`,
        key: w.keys.b,
        body,
        idempotencyKey: key,
      }),
    );
    expect(b.status).toBe(200);
    expect(b.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("keeps keys 24 hours, then the prune removes them (and running it again removes nothing)", async () => {
    const { keys } = await createApiWorldKeys();
    const old = new Date(Date.now() - 24 * 3_600_000 - 60_000);
    await db.apiIdempotencyKey.create({
      data: {
        clientId: keys.id,
        key: "old-one",
        requestHash: "x",
        state: "DONE",
        status: 200,
        body: "{}",
        createdAt: old,
      },
    });
    await db.apiIdempotencyKey.create({
      data: {
        clientId: keys.id,
        key: "young-one",
        requestHash: "x",
        state: "DONE",
        status: 200,
        body: "{}",
        createdAt: new Date(Date.now() - 23 * 3_600_000),
      },
    });
    const first = await pruneIdempotencyKeys();
    expect(first.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await db.apiIdempotencyKey.count({ where: { clientId: keys.id } })).toBe(1);
    expect((await pruneIdempotencyKeys()).idempotencyKeys).toBe(0);
    await pruneApiRequestRecords();
    expect((await pruneApiRequestRecords()).nonces).toBe(0);
  });
});

describe("another bank's data", () => {
  it("is 404, exactly like a number that does not exist", async () => {
    const foreign = await handle(
      signedRequest({ path: `/api/v1/applications/${w.applications.b.number}`, key: w.keys.a }),
    );
    const none = await handle(
      signedRequest({ path: "/api/v1/applications/XYD-20000101-9999", key: w.keys.a }),
    );
    expect(foreign.status).toBe(404);
    expect(none.status).toBe(404);
    expect(await foreign.text()).toBe(await none.text());
  });
});
