import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { issueApiClient } from "~/models/api-client.server";
import { getLoan } from "~/models/loan-view.server";
import { fileLoan } from "~/models/pool-filing.server";

import { server } from "../../mocks/server";
import { createApplication } from "../../prisma/factories";

import { createHandler } from "./access-matrix/server-build";
import { db } from "./helpers";
import { newNonce, signedRequest, type ApiError, type ApiKey } from "./support/api-client";
import {
  TODAY,
  createLoan,
  createPoolWorld,
  daysAfterDisbursement,
  type PoolWorld,
} from "./support/pool-world";

let handle: (request: Request) => Promise<Response>;
let w: PoolWorld;
let key: ApiKey;
let otherKey: ApiKey;

async function client(bankId: string): Promise<ApiKey> {
  const issued = await issueApiClient(null, { bankId });
  if (!issued.ok) throw new Error(issued.error);
  return issued.client;
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ({ handler: handle } = await createHandler());
  w = await createPoolWorld();
  key = await client(w.bank.id);
  otherKey = await client(w.otherBank.id);
}, 120_000);
afterAll(() => server.close());

type Json = Record<string, unknown>;

async function post(path: string, body: unknown, options: { key?: ApiKey; idempotencyKey?: string } = {}) {
  const response = await handle(
    signedRequest({
      method: "POST",
      path,
      key: options.key ?? key,
      body,
      idempotencyKey: options.idempotencyKey,
      headers: { "Accept-Language": "en" },
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    text: await response.clone().text(),
    json: (await response.json()) as Json,
  };
}

async function get(path: string, k: ApiKey = key) {
  const response = await handle(signedRequest({ path, key: k }));
  return { status: response.status, json: (await response.json()) as Json };
}

const fieldsOf = (json: Json) => (json as ApiError).error.fields ?? {};
const codeOf = (json: Json) => (json as ApiError).error.code;

/** A loan the portal opened at disbursement (schedule and all), of the world's bank. */
async function openedLoan() {
  const application = await createApplication(db, {
    enterpriseId: w.firm.id,
    productId: w.products.credit.id,
    state: "DISBURSED",
    amountYuan: 600_000,
    termMonths: 12,
    grantAuthorization: false,
  });
  return db.loan.findUniqueOrThrow({ where: { applicationId: application.id } });
}

describe("loans through the API", () => {
  it("lists and reads the bank's own loans with schedule, DPD and class; another bank's is 404 like nothing", async () => {
    const loan = await openedLoan();
    const one = await get(`/api/v1/loans/${loan.id}`);
    expect(one.status).toBe(200);
    const view = (await getLoan({ id: loan.id, actor: w.actors.officer }))!;
    expect(one.json).toMatchObject({
      id: loan.id,
      application: view.number,
      principal: "600000.00",
      status: "ACTIVE",
      daysPastDue: 0,
      riskClass: "NORMAL",
      filed: false,
    });
    const schedule = one.json.schedule as Json[];
    expect(schedule).toHaveLength(view.periods.length);
    expect(schedule[0].dueOn).toBe(view.periods[0].dueOn);

    const list = await get(`/api/v1/loans?limit=100`);
    expect((list.json.data as Json[]).map((l) => l.id)).toContain(loan.id);
    const others = await get(`/api/v1/loans?limit=100`, otherKey);
    expect((others.json.data as Json[]).map((l) => l.id)).not.toContain(loan.id);

    const foreign = await handle(signedRequest({ path: `/api/v1/loans/${loan.id}`, key: otherKey }));
    const nothing = await handle(
      signedRequest({ path: `/api/v1/loans/cnosuchloan000000000000000`, key: otherKey }),
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await nothing.text());
  });

  it("refuses what the screens refuse with 422 and the field, storing nothing", async () => {
    const loan = await openedLoan();
    const disbursedOn = shanghaiDate(loan.disbursedOn);
    const path = `/api/v1/loans/${loan.id}/repayments`;
    const cases: [Json, string, string][] = [
      [{ paidOn: addDays(TODAY, 1), amount: "1000.00", reference: "R-FUTURE" }, "paidOn", "after today"],
      [
        { paidOn: addDays(disbursedOn, -1), amount: "1000.00", reference: "R-EARLY" },
        "paidOn",
        "before the disbursement",
      ],
      [{ paidOn: TODAY, amount: "0.00", reference: "R-ZERO" }, "amount", "more than 0"],
      [{ paidOn: TODAY, amount: "-5.00", reference: "R-NEG" }, "amount", "more than 0"],
      [{ paidOn: TODAY, amount: "99999999.00", reference: "R-OVER" }, "amount", "at most"],
    ];
    for (const [body, field, words] of cases) {
      const answer = await post(path, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(codeOf(answer.json)).toBe("validation_failed");
      expect(Object.keys(fieldsOf(answer.json))).toEqual([field]);
      expect(fieldsOf(answer.json)[field]).toContain(words);
    }
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(0);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).version).toBe(loan.version);
  });

  it("records a repayment once: a retry replays the answer, the same reference again is 422; the screens' read agrees", async () => {
    const loan = await openedLoan();
    const path = `/api/v1/loans/${loan.id}/repayments`;
    const reference = `ZZB-${newNonce().slice(0, 8)}`;
    const body = { paidOn: TODAY, amount: "1000.00", reference };
    const idempotencyKey = `repay-${newNonce()}`;
    const first = await post(path, body, { idempotencyKey });
    expect(first.status).toBe(201);
    const repayment = first.json.repayment as Json;
    expect(repayment).toMatchObject({ amount: "1000.00", reference, channel: "API", paidOn: TODAY });

    const again = await post(path, body, { idempotencyKey });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.text).toBe(first.text);
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(1);

    const duplicate = await post(path, { ...body, amount: "10.00" });
    expect(duplicate.status).toBe(422);
    expect(Object.keys(fieldsOf(duplicate.json))).toEqual(["reference"]);

    // the officer's screen reads the loan through getLoan: the same figures
    const view = (await getLoan({ id: loan.id, actor: w.actors.officer }))!;
    const apiLoan = first.json.loan as Json;
    expect(view.repayments).toHaveLength(1);
    expect(view.repayments[0]).toMatchObject({ reference, amountFen: "100000", channel: "API" });
    expect(apiLoan.outstandingPrincipal).toBe(
      `${BigInt(view.outstandingPrincipalFen) / 100n}.${String(BigInt(view.outstandingPrincipalFen) % 100n).padStart(2, "0")}`,
    );
    expect(apiLoan.version).toBe(view.version);

    // another bank's client: 404, nothing written
    const foreign = await post(path, { ...body, reference: "R-FOREIGN" }, { key: otherKey });
    expect(foreign.status).toBe(404);
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(1);
  });
});

describe("the pool through the API", () => {
  it("files a loan in its window once, and refuses a late one with every reason", async () => {
    const late = await createLoan({
      productId: w.products.credit.id,
      enterpriseId: w.firm.id,
      subDistrictId: w.subDistrict.id,
    });
    const refused = await post(`/api/v1/loans/${late.id}/filing`, undefined);
    expect(refused.status).toBe(422);
    expect(codeOf(refused.json)).toBe("filing_refused");
    expect(Object.keys(fieldsOf(refused.json))).toEqual(["LATE"]);
    expect(await db.filing.count({ where: { loanId: late.id } })).toBe(0);

    const fresh = await createLoan({
      productId: w.products.credit.id,
      enterpriseId: w.firm.id,
      subDistrictId: w.subDistrict.id,
      disbursedOn: addDays(TODAY, -3),
    });
    const filed = await post(`/api/v1/loans/${fresh.id}/filing`, undefined);
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ loanId: fresh.id, principal: "1000000.00" });
    const filing = await db.filing.findUniqueOrThrow({ where: { loanId: fresh.id } });
    expect(filed.json.id).toBe(filing.id);
    const twice = await post(`/api/v1/loans/${fresh.id}/filing`, undefined);
    expect(twice.status).toBe(409);
    expect((await get(`/api/v1/loans/${fresh.id}`)).json.filed).toBe(true);
  });

  it("claims on a filed loan past the threshold with its recovery actions; an unfiled loan is refused", async () => {
    const loan = await createLoan({
      productId: w.products.credit.id,
      enterpriseId: w.firm.id,
      subDistrictId: w.subDistrict.id,
      dpd: 120,
    });
    expect((await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 5))).ok).toBe(true);
    const body = {
      statement: "借款人停止经营，已起诉",
      materials: ["借款合同", "催收记录"],
      recoveryActions: [{ takenOn: addDays(TODAY, -20), kind: "LAWSUIT", description: "向法院起诉" }],
    };
    const badDate = await post(`/api/v1/loans/${loan.id}/claims`, {
      ...body,
      recoveryActions: [{ ...body.recoveryActions[0], takenOn: addDays(TODAY, 2) }],
    });
    expect(badDate.status).toBe(422);
    expect(Object.keys(fieldsOf(badDate.json))).toEqual(["recoveryActions.0.takenOn"]);
    expect(await db.recoveryAction.count({ where: { loanId: loan.id } })).toBe(0);

    const claimed = await post(`/api/v1/loans/${loan.id}/claims`, body);
    expect(claimed.status).toBe(201);
    const claim = await db.claim.findUniqueOrThrow({ where: { loanId: loan.id } });
    expect(claimed.json).toMatchObject({
      id: claim.id,
      state: "FILED",
      daysPastDue: 120,
      principalAtClaim: "1000000.00",
      materials: ["借款合同", "催收记录"],
    });
    expect(claimed.json.computedCompensation).toBe(
      `${claim.computedFen / 100n}.${String(claim.computedFen % 100n).padStart(2, "0")}`,
    );
    expect(await db.recoveryAction.count({ where: { loanId: loan.id } })).toBe(1);
    expect((await post(`/api/v1/loans/${loan.id}/claims`, body)).status).toBe(409);

    const unfiled = await createLoan({
      productId: w.products.credit.id,
      enterpriseId: w.firm.id,
      subDistrictId: w.subDistrict.id,
      dpd: 120,
    });
    const refused = await post(`/api/v1/loans/${unfiled.id}/claims`, { statement: "x", materials: ["合同"] });
    expect(refused.status).toBe(422);
    expect(codeOf(refused.json)).toBe("claim_refused");
    expect(Object.keys(fieldsOf(refused.json))).toEqual(
      expect.arrayContaining(["NOT_FILED", "NO_RECOVERY_ACTIONS"]),
    );
    expect(await db.claim.count({ where: { loanId: unfiled.id } })).toBe(0);
  });
});
