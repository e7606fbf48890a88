import { delay, http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  CREDIT_SOURCES,
  CreditPlatformError,
  createCreditPlatformClient,
  creditPlatformFromEnv,
  retryAfterMs,
  type CreditPlatformClientOptions,
  type CreditPlatformErrorKind,
} from "~/services/credit-platform.server";
import { MOCK_CREDIT_PLATFORM_URL } from "~/env.server";

import {
  DEMO_REGISTRATION_USCCS,
  SPECIAL_USCCS,
  creditRecord,
  registryRecord,
} from "../../mocks/credit-data";
import { CREDIT_PLATFORM_URL as BASE, DEFAULT_CREDIT_PLATFORM_URL, server } from "../../mocks/server";

const FIRM = DEMO_REGISTRATION_USCCS[0];
const OUTSIDE_HENAN = "914403001922038216"; // valid, 深圳
const OUTAGE = SPECIAL_USCCS.find((s) => s.kind === "creditOutage")!.uscc;
const REGISTRATION_URL = `${BASE}/v1/enterprises/:uscc`;
const CREDIT_URL = `${BASE}/v1/enterprises/:uscc/credit`;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A client whose requests and waits are recorded; waits take no time. */
function testClient(options: Partial<CreditPlatformClientOptions> = {}) {
  const requests: string[] = [];
  const waits: number[] = [];
  const client = createCreditPlatformClient({
    baseUrl: BASE,
    token: "test-token",
    random: () => 0,
    fetch: (input, init) => {
      requests.push(String(input));
      return globalThis.fetch(input, init);
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, requests, waits };
}

async function failure(promise: Promise<unknown>): Promise<CreditPlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CreditPlatformError);
  return error as CreditPlatformError;
}

async function expectKind(promise: Promise<unknown>, kind: CreditPlatformErrorKind) {
  const error = await failure(promise);
  expect(error.kind, error.message).toBe(kind);
  return error;
}

describe("mock credit platform (handlers)", () => {
  const get = (path: string, token: string | null = "any-token") =>
    fetch(`${BASE}${path}`, { headers: token === null ? {} : { Authorization: token } });

  it("answers the registration and credit record of a Henan firm", async () => {
    const reg = await get(`/v1/enterprises/${FIRM}`, "Bearer x");
    expect(reg.status).toBe(200);
    expect(await reg.json()).toEqual(registryRecord(FIRM));

    const credit = await get(`/v1/enterprises/${FIRM}/credit`, "Bearer x");
    expect(credit.status).toBe(200);
    const body = (await credit.json()) as { sources: object };
    expect(Object.keys(body.sources).sort()).toEqual([...CREDIT_SOURCES].sort());
    expect(body.sources).toMatchObject({ tax: { grade: creditRecord(FIRM)!.sources.tax.grade } });
  });

  it("wants a bearer token", async () => {
    for (const token of [null, "", "Bearer", "Bearer  ", "Basic abc"]) {
      const res = await get(`/v1/enterprises/${FIRM}`, token);
      expect(res.status, String(token)).toBe(401);
      expect((await get(`/v1/enterprises/${FIRM}/credit`, token)).status).toBe(401);
    }
  });

  it("answers 400 for an invalid code and 404 for an unknown one", async () => {
    expect((await get("/v1/enterprises/91410100MAXYD10010", "Bearer x")).status).toBe(400);
    expect((await get("/v1/enterprises/not-a-code/credit", "Bearer x")).status).toBe(400);
    expect((await get(`/v1/enterprises/${OUTSIDE_HENAN}`, "Bearer x")).status).toBe(404);
    const res = await get(`/v1/enterprises/${OUTSIDE_HENAN}/credit`, "Bearer x");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
  });

  it("fails the outage firm's credit endpoint, not its registration", async () => {
    expect((await get(`/v1/enterprises/${OUTAGE}`, "Bearer x")).status).toBe(200);
    expect((await get(`/v1/enterprises/${OUTAGE}/credit`, "Bearer x")).status).toBe(500);
  });

  it("serves the URL the client defaults to", () => {
    expect(MOCK_CREDIT_PLATFORM_URL).toBe(DEFAULT_CREDIT_PLATFORM_URL);
  });
});

describe("credit platform client: answers", () => {
  it("reads and validates a registration", async () => {
    const { client, requests } = testClient();
    expect(await client.getRegistration(FIRM)).toEqual(registryRecord(FIRM));
    expect(requests).toEqual([`${BASE}/v1/enterprises/${FIRM}`]);
  });

  it("reads and validates a credit record", async () => {
    const { client } = testClient();
    const credit = await client.getCredit(FIRM);
    expect(credit.sources.tax.grade).toBe(creditRecord(FIRM)!.sources.tax.grade);
    expect(credit.sources.penalties.items).toEqual(creditRecord(FIRM)!.sources.penalties.items);
  });

  it("normalises the code and uses the global fetch of request time by default", async () => {
    const client = createCreditPlatformClient({ baseUrl: `${BASE}/`, token: "t" });
    expect((await client.getRegistration(` ${FIRM.toLowerCase()} `))?.uscc).toBe(FIRM);
  });

  it("rejects an invalid code without asking the platform", async () => {
    const { client, requests } = testClient();
    const error = await expectKind(client.getRegistration("91410100MAXYD10010"), "bad_request");
    expect(error.attempts).toBe(0);
    await expectKind(client.getCredit(""), "bad_request");
    expect(requests).toEqual([]);
  });

  it("404: registration is null, credit throws not_found; neither is retried", async () => {
    const { client, requests } = testClient();
    expect(await client.getRegistration(OUTSIDE_HENAN)).toBeNull();
    const error = await expectKind(client.getCredit(OUTSIDE_HENAN), "not_found");
    expect(error.status).toBe(404);
    expect(requests).toHaveLength(2);
  });
});

describe("credit platform client: failures", () => {
  it("401 → unauthorized, not retried", async () => {
    const { client, requests, waits } = testClient({ token: "" });
    const error = await expectKind(client.getRegistration(FIRM), "unauthorized");
    expect(error.status).toBe(401);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("403 → unauthorized", async () => {
    server.use(http.get(CREDIT_URL, () => new HttpResponse(null, { status: 403 })));
    const { client, requests } = testClient();
    await expectKind(client.getCredit(FIRM), "unauthorized");
    expect(requests).toHaveLength(1);
  });

  it("400 → bad_request, not retried", async () => {
    server.use(http.get(REGISTRATION_URL, () => HttpResponse.json({ error: "x" }, { status: 400 })));
    const { client, requests } = testClient();
    const error = await expectKind(client.getRegistration(FIRM), "bad_request");
    expect(error.status).toBe(400);
    expect(requests).toHaveLength(1);
  });

  it("429 with Retry-After, then success: waits as told and retries", async () => {
    server.use(
      http.get(CREDIT_URL, () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "2" } }), {
        once: true,
      }),
    );
    const { client, requests, waits } = testClient();
    const credit = await client.getCredit(FIRM);
    expect(credit.sources.tax.year).toBeGreaterThan(2000);
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it("429 with a long Retry-After waits no longer than the cap", async () => {
    server.use(
      http.get(
        REGISTRATION_URL,
        () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "120" } }),
        {
          once: true,
        },
      ),
    );
    const { client, waits } = testClient({ maxWaitMs: 10_000 });
    expect(await client.getRegistration(FIRM)).not.toBeNull();
    expect(waits).toEqual([10_000]);
  });

  it("429 without Retry-After backs off exponentially", async () => {
    server.use(http.get(REGISTRATION_URL, () => new HttpResponse(null, { status: 429 })));
    const { client, waits } = testClient({ retries: 3, backoffMs: 100 });
    await expectKind(client.getRegistration(FIRM), "rate_limited");
    expect(waits).toEqual([100, 200, 400]);
  });

  it("429 forever → rate_limited after all attempts", async () => {
    server.use(
      http.get(CREDIT_URL, () => new HttpResponse(null, { status: 429, headers: { "Retry-After": "1" } })),
    );
    const { client, requests, waits } = testClient({ retries: 2 });
    const error = await expectKind(client.getCredit(FIRM), "rate_limited");
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it("5xx, then success: retried after a backoff", async () => {
    server.use(http.get(CREDIT_URL, () => new HttpResponse("oops", { status: 503 }), { once: true }));
    const { client, requests, waits } = testClient({ backoffMs: 250 });
    await expect(client.getCredit(FIRM)).resolves.toMatchObject({ sources: { tax: {} } });
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([250]);
  });

  it("backoff has jitter of up to half a step", async () => {
    server.use(http.get(CREDIT_URL, () => new HttpResponse(null, { status: 502 })));
    const { client, waits } = testClient({ backoffMs: 200, random: () => 0.999 });
    await expectKind(client.getCredit(FIRM), "unavailable");
    expect(waits).toEqual([300, 600]);
  });

  it("5xx forever → unavailable (the outage special code, as served)", async () => {
    const { client, requests, waits } = testClient({ retries: 2, backoffMs: 250 });
    const error = await expectKind(client.getCredit(OUTAGE), "unavailable");
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(3);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([250, 500]);
  });

  it("timeout → timeout, after retrying", async () => {
    server.use(
      http.get(REGISTRATION_URL, async () => {
        await delay(1000);
        return HttpResponse.json(registryRecord(FIRM));
      }),
    );
    const { client, requests } = testClient({ timeoutMs: 40, retries: 1 });
    const started = Date.now();
    const error = await expectKind(client.getRegistration(FIRM), "timeout");
    expect(Date.now() - started).toBeLessThan(900);
    expect(error.attempts).toBe(2);
    expect(requests).toHaveLength(2);
  });

  it("a slow answer, then a quick one: succeeds", async () => {
    server.use(
      http.get(
        CREDIT_URL,
        async () => {
          await delay(1000);
          return new HttpResponse(null, { status: 500 });
        },
        { once: true },
      ),
    );
    const { client, requests } = testClient({ timeoutMs: 200 });
    await expect(client.getCredit(FIRM)).resolves.toBeTruthy();
    expect(requests).toHaveLength(2);
  });

  it("network error → network, after retrying", async () => {
    server.use(http.get(CREDIT_URL, () => HttpResponse.error()));
    const { client, requests } = testClient({ retries: 2 });
    const error = await expectKind(client.getCredit(FIRM), "network");
    expect(error.status).toBeUndefined();
    expect(requests).toHaveLength(3);
  });

  it("network error, then success", async () => {
    server.use(http.get(REGISTRATION_URL, () => HttpResponse.error(), { once: true }));
    const { client, requests } = testClient();
    expect(await client.getRegistration(FIRM)).toEqual(registryRecord(FIRM));
    expect(requests).toHaveLength(2);
  });

  it("malformed JSON → malformed, not retried", async () => {
    server.use(
      http.get(
        CREDIT_URL,
        () => new HttpResponse('{"updatedAt": "2026-', { headers: { "Content-Type": "application/json" } }),
      ),
    );
    const { client, requests } = testClient();
    const error = await expectKind(client.getCredit(FIRM), "malformed");
    expect(error.status).toBe(200);
    expect(requests).toHaveLength(1);
  });

  it("an empty 200 → malformed", async () => {
    server.use(http.get(REGISTRATION_URL, () => new HttpResponse(null, { status: 200 })));
    const { client } = testClient();
    await expectKind(client.getRegistration(FIRM), "malformed");
  });

  describe("wrong shapes → malformed", () => {
    const registration = registryRecord(FIRM)!;
    const credit = creditRecord(FIRM, new Date("2026-11-26T12:00:00Z"))!;
    const badRegistrations: [string, object][] = [
      ["an array", [registration]],
      ["no name", { ...registration, name: undefined }],
      ["an unknown status", { ...registration, status: "active" }],
      ["capital as a string", { ...registration, registeredCapital: "500万" }],
      ["an impossible date", { ...registration, establishedOn: "2023-02-30" }],
      ["another firm's record", { ...registration, uscc: DEMO_REGISTRATION_USCCS[1] }],
    ];
    for (const [what, body] of badRegistrations) {
      it(`registration with ${what}`, async () => {
        server.use(http.get(REGISTRATION_URL, () => HttpResponse.json(body)));
        const { client, requests } = testClient();
        const error = await expectKind(client.getRegistration(FIRM), "malformed");
        expect(error.attempts).toBe(1);
        expect(requests).toHaveLength(1);
      });
    }

    const s = credit.sources;
    const badCredits: [string, object][] = [
      ["no sources", { updatedAt: credit.updatedAt }],
      ["a missing source", { ...credit, sources: { ...s, ip: undefined } }],
      ["an unknown tax grade", { ...credit, sources: { ...s, tax: { ...s.tax, grade: "E" } } }],
      [
        "a public rating of M",
        { ...credit, sources: { ...s, publicRating: { ...s.publicRating, grade: "M" } } },
      ],
      ["fractional money", { ...credit, sources: { ...s, tax: { ...s.tax, taxPaid: 12.5 } } }],
      ["negative arrears", { ...credit, sources: { ...s, utilities: { ...s.utilities, gasArrears: -1 } } }],
      ["a bare list instead of { items, updatedAt }", { ...credit, sources: { ...s, penalties: [] } }],
      [
        "a penalty without repaired",
        {
          ...credit,
          sources: {
            ...s,
            penalties: {
              updatedAt: s.penalties.updatedAt,
              items: [{ decisionNo: "x", authority: "y", decidedOn: "2024-01-02", reason: "z", amount: 100 }],
            },
          },
        },
      ],
      ["a source without updatedAt", { ...credit, sources: { ...s, judicial: { enforcementCases: 0 } } }],
      ["a non-date updatedAt", { ...credit, updatedAt: "yesterday" }],
    ];
    for (const [what, body] of badCredits) {
      it(`credit record with ${what}`, async () => {
        server.use(http.get(CREDIT_URL, () => HttpResponse.json(body)));
        const { client } = testClient();
        await expectKind(client.getCredit(FIRM), "malformed");
      });
    }

    it("tolerates extra fields the platform may add", async () => {
      server.use(
        http.get(CREDIT_URL, () => HttpResponse.json({ ...credit, version: 2, sources: { ...s, esg: {} } })),
      );
      const { client } = testClient();
      const parsed = await client.getCredit(FIRM);
      expect(parsed.sources).not.toHaveProperty("esg");
    });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-11-26T12:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Thu, 26 Nov 2026 12:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Thu, 26 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});

describe("creditPlatformFromEnv", () => {
  it("defaults to the mock and a dev token when mocks are on", async () => {
    const client = creditPlatformFromEnv({ NODE_ENV: "development" });
    expect((await client.getRegistration(FIRM))?.uscc).toBe(FIRM);
    expect(() => creditPlatformFromEnv({ NODE_ENV: "test", MOCKS: "true" })).not.toThrow();
  });

  it("requires URL and token when mocks are off", () => {
    expect(() => creditPlatformFromEnv({ NODE_ENV: "development", MOCKS: "false" })).toThrow(
      /CREDIT_PLATFORM_URL/,
    );
    expect(() =>
      creditPlatformFromEnv({ NODE_ENV: "development", MOCKS: "false", CREDIT_PLATFORM_URL: BASE }),
    ).toThrow(/CREDIT_PLATFORM_TOKEN/);
    expect(() =>
      creditPlatformFromEnv({
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(32),
        CREDIT_PLATFORM_URL: "https://credit.example.gov.cn",
        CREDIT_PLATFORM_TOKEN: "secret",
      }),
    ).not.toThrow();
  });

  it("uses the configured token", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(REGISTRATION_URL, ({ request }) => {
        seen.push(request.headers.get("authorization"));
        return HttpResponse.json(registryRecord(FIRM));
      }),
    );
    const client = creditPlatformFromEnv({
      NODE_ENV: "test",
      CREDIT_PLATFORM_URL: BASE,
      CREDIT_PLATFORM_TOKEN: "s3cret",
    });
    await client.getRegistration(FIRM);
    expect(seen).toEqual(["Bearer s3cret"]);
  });
});
