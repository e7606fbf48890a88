import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "~/domain/shanghai-time";
import { issueApiClient } from "~/models/api-client.server";
import { fileLoan } from "~/models/pool-filing.server";

import { server } from "../../mocks/server";
import { createApplication } from "../../prisma/factories";

import { createHandler } from "./access-matrix/server-build";
import { db } from "./helpers";
import { newNonce, signedRequest, type ApiKey } from "./support/api-client";
import { closeSnapshotReader, createChangeTracker } from "./support/db-snapshot";
import {
  TODAY,
  createLoan,
  createPoolWorld,
  daysAfterDisbursement,
  type PoolWorld,
} from "./support/pool-world";

/**
 * Hostile bodies against the API's loan writes, signed by a valid client: every field of the
 * wrong type, NaN/exponent/negative/over-long money, impossible and year-9999 dates, 100k
 * strings, control characters, prototype keys, bodies that are not objects or not JSON. Each
 * must be refused with a 4xx carrying the SPEC's error shape, and change no row (only the
 * pipeline's bookkeeping: nonce, counter, the stored answer, the api.write audit). The valid
 * body is sent last and must succeed, so a refusal is the payload's doing.
 */

const BOOKKEEPING = ["ApiNonce", "ApiRateWindow", "ApiIdempotencyKey", "ApiClient", "AuditLog"];
const LONG = "长".repeat(100_000);
const CONTROLS = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u0085"];
const WRONG_TYPES: unknown[] = [null, 42, true, [], {}, ["a"]];

type Kind = "money" | "day" | "text" | "reference" | "enum" | "list";
const INVALID: Record<Kind, unknown[]> = {
  money: [
    "NaN",
    "1e308",
    "Infinity",
    "-0",
    "1.5",
    "1.234",
    "abc",
    "0x10",
    "99999999999999999999.00",
    "",
    " 1.00",
    1000,
  ],
  day: ["2026-02-30", "2026-13-01", "0000-01-01", "2026-1-1", "tomorrow", "", 20260101],
  text: ["", "   ", LONG],
  reference: ["", "has space", "<script>", '\'; DROP TABLE "Repayment"; --', "x".repeat(65), LONG],
  enum: ["BOGUS", "__proto__", "constructor", "<img src=x onerror=alert(1)>"],
  list: ["not a list", [], [LONG], Array.from({ length: 200 }, (_, i) => `材料${i}`)],
};

type Case = {
  name: string;
  path: () => string;
  body: () => Record<string, unknown>;
  /** dotted paths into the body and their kinds */
  fields: Record<string, Kind>;
};

let handle: (request: Request) => Promise<Response>;
let w: PoolWorld;
let key: ApiKey;
let repaymentLoanId: string;
let claimLoanId: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler: handle } = await createHandler());
  w = await createPoolWorld();
  const issued = await issueApiClient(null, { bankId: w.bank.id });
  if (!issued.ok) throw new Error(issued.error);
  key = issued.client;
  const application = await createApplication(db, {
    enterpriseId: w.firm.id,
    productId: w.products.credit.id,
    state: "DISBURSED",
    amountYuan: 600_000,
    termMonths: 12,
    grantAuthorization: false,
  });
  repaymentLoanId = (await db.loan.findUniqueOrThrow({ where: { applicationId: application.id } })).id;
  const claimable = await createLoan({
    productId: w.products.credit.id,
    enterpriseId: w.firm.id,
    subDistrictId: w.subDistrict.id,
    dpd: 120,
  });
  if (!(await fileLoan(w.actors.officer, claimable.id, daysAfterDisbursement(claimable, 5))).ok)
    throw new Error("could not file the claimable loan");
  claimLoanId = claimable.id;
}, 120_000);
afterAll(async () => {
  server.close();
  await closeSnapshotReader();
});

const CASES: Case[] = [
  {
    name: "repayment",
    path: () => `/api/v1/loans/${repaymentLoanId}/repayments`,
    body: () => ({ paidOn: TODAY, amount: "1000.00", reference: `HOSTILE-${newNonce().slice(0, 6)}` }),
    fields: { paidOn: "day", amount: "money", reference: "reference" },
  },
  {
    name: "claim",
    path: () => `/api/v1/loans/${claimLoanId}/claims`,
    body: () => ({
      statement: "借款人停止经营",
      materials: ["借款合同", "催收记录"],
      recoveryActions: [{ takenOn: addDays(TODAY, -10), kind: "REMINDER", description: "电话催收" }],
    }),
    fields: {
      statement: "text",
      materials: "list",
      "materials.0": "text",
      recoveryActions: "list",
      "recoveryActions.0.takenOn": "day",
      "recoveryActions.0.kind": "enum",
      "recoveryActions.0.description": "text",
    },
  },
];

function setPath(body: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(body);
  const parts = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return copy;
}

function deletePath(body: Record<string, unknown>, path: string) {
  const copy = structuredClone(body);
  const parts = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  delete at[parts.at(-1)!];
  return copy;
}

type Payload = { label: string; raw?: string; contentType?: string; body?: unknown };

function payloadsOf(c: Case): Payload[] {
  const valid = c.body();
  const out: Payload[] = [];
  for (const [path, kind] of Object.entries(c.fields)) {
    if (!path.includes(".0") || kind !== "list")
      out.push({ label: `missing ${path}`, body: deletePath(valid, path) });
    for (const value of [
      ...INVALID[kind],
      ...WRONG_TYPES.filter((v) => !(kind === "list" && Array.isArray(v) && v.length)),
    ])
      out.push({
        label: `${path}=${JSON.stringify(value)?.slice(0, 30)}`,
        body: setPath(valid, path, value),
      });
    if (kind === "text" || kind === "reference")
      for (const control of CONTROLS)
        out.push({
          label: `${path} with ${JSON.stringify(control)}`,
          body: setPath(valid, path, `收据${control}x`),
        });
  }
  // recoveryActions is optional: its absence is valid, so it is not in the missing list above
  for (const name of ["__proto__", "constructor", "status", "bankId", "version", "id"])
    out.push({ label: `extra ${name}`, raw: JSON.stringify(valid).replace(/^\{/, `{"${name}":"<b>x</b>",`) });
  for (const body of [null, 1, "text", [], [valid]])
    out.push({ label: `body ${JSON.stringify(body)}`, body });
  out.push({ label: "not JSON", raw: "paidOn=2026-01-01&amount=1" });
  out.push({ label: "truncated JSON", raw: JSON.stringify(valid).slice(0, -3) });
  out.push({ label: "form encoded", raw: "a=1", contentType: "application/x-www-form-urlencoded" });
  out.push({ label: "invalid UTF-8", raw: "\udc00" });
  return out.filter((p) => !(p.label.startsWith("missing recoveryActions") && !p.label.includes(".")));
}

function request(c: Case, payload: Payload) {
  const text = payload.raw ?? JSON.stringify(payload.body);
  const signed = signedRequest({ method: "POST", path: c.path(), key, body: text });
  if (!payload.contentType) return signed;
  const headers = new Headers(signed.headers);
  headers.set("Content-Type", payload.contentType);
  return new Request(signed.url, { method: "POST", headers, body: text });
}

describe("hostile bodies against the API's loan writes", () => {
  it("refuses each with a 4xx in the error shape and changes no row; the valid body then succeeds", async () => {
    const failures: string[] = [];
    const tracker = await createChangeTracker();
    let count = 0;
    for (const c of CASES) {
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
      const valid = await handle(signedRequest({ method: "POST", path: c.path(), key, body: c.body() }));
      // the harness is sound: the tracker sees the valid body's rows
      const written = await tracker.changed();
      if (!written.includes(c.name === "claim" ? "Claim" : "Repayment"))
        failures.push(`${c.name} valid body: the tracker saw ${written.join(", ") || "nothing"}`);
      if (valid.status !== 201)
        failures.push(`${c.name} valid body: ${valid.status} ${(await valid.text()).slice(0, 200)}`);
    }
    console.log(`API HOSTILE payloads=${count} failures=${failures.length}`);
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(100);
  }, 300_000);
});
