import { execFile } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { signRequest } from "~/domain/api-signature";
import { shanghaiDate } from "~/domain/shanghai-time";
import { listOwnAccessLog } from "~/models/access-log-view.server";
import type { BankActor, EnterpriseActor } from "~/models/actor";
import { issueApiClient } from "~/models/api-client.server";
import { getBankApplication } from "~/models/bank-application.server";
import { submitApplication } from "~/models/enterprise-application.server";
import { getLoan } from "~/models/loan-view.server";
import { listBankDay } from "~/models/reconciliation.server";
import { getActorById } from "~/models/user.server";
import { deliverDueWebhooks } from "~/models/webhook-delivery.server";

import { server as mocks } from "../../mocks/server";
import {
  bankOfficerOf,
  createProduct,
  createReferenceData,
  createRegisteredEnterprise,
} from "../../prisma/factories";

import { db } from "./helpers";
import { startGuardedApp } from "./support/raw-http";

/**
 * THE REFERENCE CLIENT: a bank's loan system end to end against the portal served over HTTP on
 * a loopback port (the built routes behind server.js's guards), doing only what a bank's system
 * can do — signed requests and a webhook receiver of its own:
 *
 *   set its webhook endpoint → a firm applies on the portal → the signed `application.submitted`
 *   webhook arrives (signature checked as a bank would) → pull new applications → read the
 *   authorised credit profile → accept, approve, disburse (等额本金) → read the loan's schedule →
 *   report a repayment → reconcile the day's CSV
 *
 * and then checks the portal's own reads (the models behind the bank's and the firm's screens)
 * say the same. The README's example (scripts/api-call.ts) is run against the same server.
 */

const exec = promisify(execFile);

type Hook = { headers: http.IncomingHttpHeaders; body: string };
const hooks: Hook[] = [];
let receiver: http.Server;
let hookUrl: string;
let app: Awaited<ReturnType<typeof startGuardedApp>>;
let base: string;
let key: { keyId: string; secret: string };
let officer: BankActor;
let firmActor: EnterpriseActor;
let firmUscc: string;
let productId: string;

beforeAll(async () => {
  mocks.listen({ onUnhandledRequest: "bypass" });
  const { subDistricts, banks } = await createReferenceData(db);
  const bank = banks[0];
  officer = (await getActorById((await bankOfficerOf(db, bank.id)).id)) as BankActor;
  const issued = await issueApiClient(null, { bankId: bank.id });
  if (!issued.ok) throw new Error(issued.error);
  key = issued.client;
  const firm = await createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id });
  firmActor = (await getActorById(firm.user.id)) as EnterpriseActor;
  firmUscc = firm.enterprise.uscc;
  productId = (await createProduct(db, { bankId: bank.id, minAmountYuan: 100_000, maxAmountYuan: 5_000_000 }))
    .id;

  receiver = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      hooks.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/xyd-hooks`;
  app = await startGuardedApp();
  base = `http://127.0.0.1:${app.port}`;
}, 180_000);

afterAll(async () => {
  mocks.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await app.close();
});

/** What a bank's system sends: the SPEC's signature over method, path, timestamp, nonce, body hash. */
async function api(method: string, path: string, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string> = signRequest({
    keyId: key.keyId,
    secret: key.secret,
    method,
    pathWithQuery: path,
    body: text,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: randomBytes(16).toString("base64url"),
  });
  if (method !== "GET") headers["Idempotency-Key"] = `ref-${randomBytes(12).toString("hex")}`;
  if (text) headers["Content-Type"] = "application/json";
  const response = await fetch(`${base}${path}`, { method, headers, body: text || undefined });
  const raw = await response.text();
  const json = (response.headers.get("Content-Type") ?? "").includes("json")
    ? (JSON.parse(raw) as never)
    : null;
  // the answers' shapes are the OpenAPI document's (checked by api-openapi.test.ts); read loosely here
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, raw, json: json as Record<string, any> | null };
}

/** The bank's check of a webhook: HMAC-SHA256(secret, timestamp + "." + raw body), within 5 minutes. */
function verifyHook(hook: Hook, secret: string) {
  const timestamp = String(hook.headers["x-xyd-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${hook.body}`).digest("hex")}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return hook.headers["x-xyd-signature"] === expected && fresh;
}

/** The CSV's rows as objects (RFC 4180 without quoted newlines, enough for this day). */
function parseCsv(text: string) {
  const [head, ...lines] = text.trim().split("\r\n");
  const split = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, head.split(",").length)
      .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1]));
  const names = head.split(",");
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i], v])));
}

describe("the reference bank system", () => {
  it("pulls, reads, decides, disburses, reports a repayment, receives signed webhooks and reconciles; the portal agrees", async () => {
    const today = shanghaiDate(new Date());
    const startedAt = new Date(Date.now() - 1000).toISOString();

    // 1. the endpoint for webhooks (a fresh secret each time)
    const endpoint = await api("PUT", "/api/v1/webhook-endpoint", {
      url: hookUrl,
      events: ["application.submitted", "application.disbursed"],
    });
    expect(endpoint.status).toBe(200);
    const hookSecret = endpoint.json!.secret as string;
    expect(hookSecret.length).toBeGreaterThan(20);

    // 2. a firm applies on the portal; the outbox holds the event, the worker delivers it
    const submitted = await submitApplication(firmActor, {
      productId,
      amountYuan: 1_200_000,
      termMonths: 12,
      purpose: "采购原材料",
    });
    if (!submitted.ok) throw new Error(`the firm could not apply: ${JSON.stringify(submitted)}`);
    await deliverDueWebhooks({ limit: 10 });
    const submittedHook = hooks.find((h) => JSON.parse(h.body).type === "application.submitted");
    expect(submittedHook, "the application.submitted webhook").toBeDefined();
    expect(verifyHook(submittedHook!, hookSecret)).toBe(true);
    expect(verifyHook({ ...submittedHook!, body: submittedHook!.body.replace("}", " }") }, hookSecret)).toBe(
      false,
    );
    const event = JSON.parse(submittedHook!.body) as {
      id: string;
      data: { application: { number: string } };
    };
    expect(submittedHook!.headers["x-xyd-event-id"]).toBe(event.id);

    // 3. pull what is new
    const pulled = await api(
      "GET",
      `/api/v1/applications?state=SUBMITTED&updatedSince=${encodeURIComponent(startedAt)}`,
    );
    expect(pulled.status).toBe(200);
    const application = (
      pulled.json!.data as { number: string; version: number; enterprise: { uscc: string } }[]
    ).find((a) => a.enterprise.uscc === firmUscc)!;
    expect(application).toBeDefined();
    expect(JSON.stringify(event.data)).toContain(application.number);
    const number = application.number;

    // 4. the credit profile the firm authorised by applying
    const profile = await api("GET", `/api/v1/enterprises/${firmUscc}/credit-profile?purpose=PRE_LOAN`);
    expect(profile.status).toBe(200);

    // 5. accept, approve, disburse with a repayment method (version from each answer)
    const move = async (body: Record<string, unknown>) => {
      const answer = await api("POST", `/api/v1/applications/${number}/transitions`, body);
      expect(answer.status, answer.raw).toBe(200);
      return answer.json!;
    };
    let state = await move({ action: "accept", version: application.version });
    state = await move({
      action: "approve",
      version: state.version,
      amount: "1200000.00",
      rateBp: 385,
      termMonths: 12,
    });
    state = await move({
      action: "disburse",
      version: state.version,
      amount: "1000000.00",
      rateBp: 385,
      disbursedOn: today,
      repaymentMethod: "EQUAL_PRINCIPAL",
    });
    expect(state.state).toBe("DISBURSED");

    // 6. the loan with its schedule: 等额本金, 12 equal principal parts
    const loans = await api("GET", `/api/v1/loans?updatedSince=${encodeURIComponent(startedAt)}`);
    const loanId = (loans.json!.data as { id: string; application: string }[]).find(
      (l) => l.application === number,
    )!.id;
    const loan = (await api("GET", `/api/v1/loans/${loanId}`)).json!;
    expect(loan).toMatchObject({
      principal: "1000000.00",
      repaymentMethod: "EQUAL_PRINCIPAL",
      daysPastDue: 0,
      riskClass: "NORMAL",
    });
    expect((loan.schedule as { principal: string }[]).map((p) => p.principal)).toEqual([
      ...Array(11).fill("83333.33"),
      "83333.37",
    ]);

    // 7. a repayment reported by the bank's core system
    const reference = `ZZB${Date.now()}`;
    const repaid = await api("POST", `/api/v1/loans/${loanId}/repayments`, {
      paidOn: today,
      amount: "50000.00",
      reference,
    });
    expect(repaid.status, repaid.raw).toBe(201);
    const fen = (yuan: string) => BigInt(yuan.replace(".", ""));
    const paid = repaid.json!.repayment as { principal: string; interest: string };
    expect(fen(paid.principal) + fen(paid.interest)).toBe(5_000_000n);
    const outstandingFen = 100_000_000n - fen(paid.principal);
    expect(fen(repaid.json!.loan.outstandingPrincipal as string)).toBe(outstandingFen);

    // 8. the disbursement webhook, signed and in order after the submission
    await deliverDueWebhooks({ limit: 10 });
    const disbursedHook = hooks.find((h) => JSON.parse(h.body).type === "application.disbursed");
    expect(disbursedHook, "the application.disbursed webhook").toBeDefined();
    expect(verifyHook(disbursedHook!, hookSecret)).toBe(true);
    expect(hooks.indexOf(disbursedHook!)).toBeGreaterThan(hooks.indexOf(submittedHook!));

    // 9. reconcile the day
    const csv = await api("GET", `/api/v1/reconciliation/${today}`);
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.raw).filter((r) => r.application === number || r.reference === reference);
    expect(rows.filter((r) => r.kind === "transition").map((r) => r.toState)).toEqual([
      "SUBMITTED",
      "ACCEPTED",
      "APPROVED",
      "DISBURSED",
    ]);
    const repaymentRow = rows.find((r) => r.kind === "repayment")!;
    expect(repaymentRow).toMatchObject({ reference, amount: "50000.00", loanId });

    // 10. the portal's own reads agree: the bank's application page, its loan page, its day, the firm's access log
    const id = (await db.application.findUniqueOrThrow({ where: { number } })).id;
    const screen = (await getBankApplication({ id, actor: officer, now: new Date() }))!;
    expect(screen.state).toBe("DISBURSED");
    expect(screen.disbursedAmountYuan).toBe(1_000_000);
    const loanScreen = (await getLoan({ id: loanId, actor: officer }))!;
    expect(loanScreen.outstandingPrincipalFen).toBe(outstandingFen.toString());
    expect(loanScreen.repaymentMethod).toBe("EQUAL_PRINCIPAL");
    expect(loanScreen.repayments.map((r) => r.reference)).toEqual([reference]);
    const day = await listBankDay(officer, today);
    expect(day.repayments.map((r) => r.reference)).toContain(reference);
    const { items } = await listOwnAccessLog(firmActor, { page: 1, pageSize: 20 });
    expect(items.some((row) => row.channel === "API")).toBe(true);

    // 11. the README's example, run as written against this server
    const readme = await exec(
      "npx",
      ["tsx", "scripts/api-call.ts", "GET", `/api/v1/applications/${number}`],
      {
        env: { ...process.env, XYD_API_URL: base, XYD_API_KEY: key.keyId, XYD_API_SECRET: key.secret },
      },
    );
    expect(readme.stderr).toContain("200");
    expect(JSON.parse(readme.stdout)).toMatchObject({ number, state: "DISBURSED" });
  }, 240_000);
});
