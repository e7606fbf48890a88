// 续贷: the 60/30-day notices on a controlled clock, the firm's prefilled one-step request, and the
// bank's answer at disbursement (ordinary renewal or 无还本续贷) with the old loan settled by the new.
import { beforeAll, describe, expect, it } from "vitest";

import { renewalReminders } from "~/jobs/renewal-reminders.server";
import { runJob } from "~/jobs/runner.server";
import { dayToDb } from "~/models/loan.server";
import { sendRenewalReminders } from "~/models/renewal.server";
import { action as decisionAction } from "~/routes/bank.applications.$id/route";
import { action as renewAction, loader as renewLoader } from "~/routes/enterprise.renewals.$loanId/route";

import {
  createApplication,
  createBank,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

/** 08:05 in Shanghai on `day`, when the job runs. */
const morning = (day: string) => new Date(`${day}T00:05:00Z`);

let firm: { id: string; cookie: string };
let otherFirmCookie: string;
let bank: { id: string; cookie: string };
let productId: string;

async function loanMaturing(enterpriseId: string, maturity: string) {
  const application = await createApplication(db, {
    enterpriseId,
    productId,
    state: "DISBURSED",
    amountYuan: 1_000_000,
    approved: { amountYuan: 1_000_000, termMonths: 12 },
    disbursed: { amountYuan: 1_000_000 },
  });
  const loan = await db.loan.findUniqueOrThrow({ where: { applicationId: application.id } });
  await db.loan.update({ where: { id: loan.id }, data: { maturityOn: dayToDb(maturity) } });
  return loan.id;
}

beforeAll(async () => {
  const sd = await createSubDistrict(db);
  const theBank = await createBank(db);
  const officer = await createUser(db, { role: "BANK", bankId: theBank.id });
  bank = { id: theBank.id, cookie: await sessionCookieFor(officer.id) };
  const made = await createRegisteredEnterprise(db, { subDistrictId: sd.id });
  firm = { id: made.enterprise.id, cookie: await sessionCookieFor(made.user.id) };
  const other = await createRegisteredEnterprise(db, { subDistrictId: sd.id });
  otherFirmCookie = await sessionCookieFor(other.user.id);
  const product = await createProduct(db, {
    bankId: theBank.id,
    status: "PUBLISHED",
    minAmountYuan: 100_000,
    maxAmountYuan: 5_000_000,
    minTermMonths: 6,
    maxTermMonths: 36,
  });
  productId = product.id;
});

describe("renewal notices on a controlled clock", () => {
  let overHoliday: string;
  let overMonthEnd: string;

  beforeAll(async () => {
    // 60 days before 2026-11-30 is 1 October (National Day): the notice goes out on 30 September
    overHoliday = await loanMaturing(firm.id, "2026-11-30");
    // 2027-03-01: 60 days before is 2026-12-31; 30 days before is Saturday 2027-01-30 → Friday 29th
    overMonthEnd = await loanMaturing(firm.id, "2027-03-01");
  });

  const notices = (loanId: string) =>
    db.renewalNotice.findMany({
      where: { loanId },
      select: { daysBefore: true },
      orderBy: { daysBefore: "desc" },
    });
  const events = (loanId: string) =>
    db.webhookEvent.findMany({ where: { type: "loan.renewal_due", data: { contains: loanId } } });

  it("sends nothing before the notice day", async () => {
    await sendRenewalReminders(morning("2026-09-29"));
    expect(await notices(overHoliday)).toEqual([]);
  });

  it("sends the 60-day notice on the working day before the holiday, to the firm, the bank and its systems", async () => {
    const { sent } = await sendRenewalReminders(morning("2026-09-30"));
    expect(sent).toBe(1);
    expect(await notices(overHoliday)).toEqual([{ daysBefore: 60 }]);
    const firmNote = await db.notification.findFirst({
      where: { kind: "loan.RENEWAL_DUE", user: { enterpriseId: firm.id } },
    });
    expect(firmNote?.link).toBe(`/enterprise/renewals/${overHoliday}`);
    expect(
      await db.notification.count({ where: { kind: "loan.RENEWAL_DUE_BANK", user: { bankId: bank.id } } }),
    ).toBe(1);
    const [event] = await events(overHoliday);
    expect(event.bankId).toBe(bank.id);
    expect(JSON.parse(event.data)).toMatchObject({ maturityOn: "2026-11-30", daysBefore: 60 });
  });

  it("does not send it again — the next days, or the same morning twice through the job", async () => {
    await sendRenewalReminders(morning("2026-10-01"));
    await runJob(renewalReminders, { trigger: "MANUAL", now: () => morning("2026-10-08") });
    await runJob(renewalReminders, { trigger: "MANUAL", now: () => morning("2026-10-08") });
    expect(await notices(overHoliday)).toEqual([{ daysBefore: 60 }]);
    expect(await events(overHoliday)).toHaveLength(1);
  });

  it("sends the 30-day notice on Friday when the day falls on a Saturday, once", async () => {
    await sendRenewalReminders(morning("2026-10-29"));
    expect(await notices(overHoliday)).toEqual([{ daysBefore: 60 }]);
    await sendRenewalReminders(morning("2026-10-30"));
    await sendRenewalReminders(morning("2026-10-30"));
    expect(await notices(overHoliday)).toEqual([{ daysBefore: 60 }, { daysBefore: 30 }]);
    expect(await events(overHoliday)).toHaveLength(2);
  });

  it("counts across the year end and a short February", async () => {
    await sendRenewalReminders(morning("2026-12-30"));
    expect(await notices(overMonthEnd)).toEqual([]);
    await sendRenewalReminders(morning("2026-12-31"));
    expect(await notices(overMonthEnd)).toEqual([{ daysBefore: 60 }]);
    await sendRenewalReminders(morning("2027-01-28"));
    expect(await notices(overMonthEnd)).toEqual([{ daysBefore: 60 }]);
    await sendRenewalReminders(morning("2027-01-29"));
    expect(await notices(overMonthEnd)).toEqual([{ daysBefore: 60 }, { daysBefore: 30 }]);
  });

  it("tells nobody about a settled loan", async () => {
    const settled = await loanMaturing(firm.id, "2026-12-20");
    await db.loan.update({ where: { id: settled }, data: { status: "SETTLED", settledBy: "REPAID" } });
    await sendRenewalReminders(morning("2026-11-25"));
    expect(await notices(settled)).toEqual([]);
    await db.loan.delete({ where: { id: settled } }).catch(() => undefined);
  });
});

describe("the firm's renewal request", () => {
  let loanId: string;
  const today = new Date();
  const inDays = (n: number) =>
    new Date(today.getTime() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    loanId = await loanMaturing(firm.id, inDays(40));
  });

  const form = (overrides: Record<string, string> = {}) => ({
    amount: "100",
    termMonths: "12",
    purpose: "到期续贷，继续用于经营周转",
    kind: "WITHOUT_PRINCIPAL_REPAYMENT",
    consent: "on",
    ...overrides,
  });
  const post = (values: Record<string, string>, cookie = firm.cookie, id = loanId) =>
    call(renewAction, postRequest(`/enterprise/renewals/${id}`, values, { cookie }), { loanId: id });

  it("is prefilled from the loan", async () => {
    const result = await call(
      renewLoader,
      getRequest(`/enterprise/renewals/${loanId}`, { cookie: firm.cookie }),
      {
        loanId,
      },
    );
    expect(statusOf(result)).toBe(200);
    const { prefill } = await jsonOf<{
      prefill: {
        closed: string | null;
        pending: unknown;
        loan: { principalYuan: number; maturityOn: string; product: { id: string } };
      };
    }>(result);
    expect(prefill).toMatchObject({
      closed: null,
      pending: null,
      loan: { principalYuan: 1_000_000, maturityOn: inDays(40), product: { id: productId } },
    });
  });

  it("is another firm's 404, and a loan outside the window is refused — nothing written", async () => {
    const before = await db.application.count();
    const foreign = await post(form(), otherFirmCookie);
    expect(statusOf(foreign)).toBe(404);
    expect(
      statusOf(
        await call(renewLoader, getRequest(`/enterprise/renewals/${loanId}`, { cookie: otherFirmCookie }), {
          loanId,
        }),
      ),
    ).toBe(404);
    const early = await loanMaturing(firm.id, inDays(200));
    const refused = await post(form(), firm.cookie, early);
    expect(statusOf(refused)).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({
      errors: { _form: { key: "alerts.renewal.closed.NOT_YET" } },
    });
    const bad = await post(form({ kind: "FREE_MONEY", amount: "-5", consent: "" }));
    expect(statusOf(bad)).toBe(400);
    expect(await jsonOf(bad)).toMatchObject({ errors: { kind: {}, amount: {}, consent: {} } });
    expect(await db.application.count()).toBe(before + 1); // the fixture's own loan only
    expect(await db.renewalRequest.count()).toBe(0);
  });

  it("creates one application to the loan's product, linked to the loan; a second is refused", async () => {
    const result = await post(form());
    expect(statusOf(result)).toBe(302);
    const request = await db.renewalRequest.findFirstOrThrow({
      where: { loanId },
      include: { application: true },
    });
    expect(request.requestedKind).toBe("WITHOUT_PRINCIPAL_REPAYMENT");
    expect(request.application).toMatchObject({
      productId,
      bankId: bank.id,
      enterpriseId: firm.id,
      state: "SUBMITTED",
      amountYuan: 1_000_000,
      termMonths: 12,
    });
    const again = await post(form());
    expect(statusOf(again)).toBe(409);
    expect(await db.renewalRequest.count({ where: { loanId } })).toBe(1);
  });

  it("the bank answers with 无还本续贷 when it disburses: the new loan settles the old one", async () => {
    const request = await db.renewalRequest.findFirstOrThrow({ where: { loanId } });
    const applicationId = request.applicationId;
    // the bank has accepted and approved it
    await db.application.update({
      where: { id: applicationId },
      data: {
        state: "APPROVED",
        version: 2,
        decidedAt: new Date(Date.now() - 60_000),
        approvedAmountYuan: 1_000_000,
        approvedRateBp: 400,
        approvedTermMonths: 12,
      },
    });
    const disburse = (values: Record<string, string>) =>
      call(
        decisionAction,
        postRequest(
          `/bank/applications/${applicationId}`,
          {
            intent: "disburse",
            version: "2",
            amount: "100",
            rate: "4.00",
            repaymentMethod: "EQUAL_INSTALMENT",
            date: inDays(0),
            ...values,
          },
          { cookie: bank.cookie },
        ),
        { id: applicationId },
      );
    // an answer outside the list is a field error, and nothing moves
    const bad = await disburse({ renewalKind: "FORGIVE" });
    expect(statusOf(bad)).toBe(400);
    expect(await jsonOf(bad)).toMatchObject({ errors: { renewalKind: {} } });
    // an ordinary renewal of a loan still running is refused, nothing written
    const refused = await disburse({ renewalKind: "STANDARD" });
    expect(statusOf(refused)).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({
      errors: { renewalKind: { key: "alerts.errors.renewalRefused" } },
    });
    expect(await db.loan.count({ where: { applicationId } })).toBe(0);
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).state).toBe("APPROVED");

    const done = await disburse({ renewalKind: "WITHOUT_PRINCIPAL_REPAYMENT" });
    expect(statusOf(done)).toBe(302);
    const renewal = await db.loan.findUniqueOrThrow({ where: { applicationId } });
    expect(renewal).toMatchObject({ renewsLoanId: loanId, renewalKind: "WITHOUT_PRINCIPAL_REPAYMENT" });
    const old = await db.loan.findUniqueOrThrow({ where: { id: loanId } });
    expect(old).toMatchObject({ status: "SETTLED", settledBy: "RENEWED" });
    expect((await db.renewalRequest.findFirstOrThrow({ where: { loanId } })).kind).toBe(
      "WITHOUT_PRINCIPAL_REPAYMENT",
    );
  });
});
