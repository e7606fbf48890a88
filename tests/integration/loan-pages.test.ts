// The loan screens through their loaders and actions: the bank's repayment, settlement and class
// forms (every refusal a field message with the input kept and nothing stored), who may see which
// loan (another bank's or firm's is a 404), the government's figures scoped to the office's
// sub-district, and the due-date reminders linking to the firm's loan page.
import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";

import { addDays, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import { sendDueReminders } from "~/models/loan.server";
import * as bankLoan from "~/routes/bank.loans.$id/route";
import { loader as bankLoansLoader } from "~/routes/bank.loans._index/route";
import { loader as enterpriseLoanLoader } from "~/routes/enterprise.loans.$id";
import { loader as enterpriseLoansLoader } from "~/routes/enterprise.loans._index";
import { loader as govLoansLoader } from "~/routes/gov.loans";
import { nonPerformingWhere, overdueWhere } from "~/models/loan-view.server";

import {
  createApplication,
  createBank,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const DAY_MS = 86_400_000;
const today = () => shanghaiDate(new Date());

let cookies: Record<
  "bank" | "otherBank" | "firm" | "otherFirm" | "office" | "otherOffice" | "bureau",
  string
>;
let sd1: { id: string };
let sd2: { id: string };
let bankId: string;
let firmId: string;
let otherFirmId: string;
let productId: string;

beforeAll(async () => {
  sd1 = await createSubDistrict(db);
  sd2 = await createSubDistrict(db);
  const bank = await createBank(db);
  const otherBank = await createBank(db);
  bankId = bank.id;
  const firm = await createRegisteredEnterprise(db, { subDistrictId: sd1.id });
  const otherFirm = await createRegisteredEnterprise(db, { subDistrictId: sd2.id });
  firmId = firm.enterprise.id;
  otherFirmId = otherFirm.enterprise.id;
  productId = (await createProduct(db, { bankId: bank.id, minAmountYuan: 10_000, maxAmountYuan: 50_000_000 }))
    .id;
  cookies = {
    bank: await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bank.id })).id),
    otherBank: await sessionCookieFor((await createUser(db, { role: "BANK", bankId: otherBank.id })).id),
    firm: await sessionCookieFor(firm.user.id),
    otherFirm: await sessionCookieFor(otherFirm.user.id),
    office: await sessionCookieFor((await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd1.id })).id),
    otherOffice: await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd2.id })).id,
    ),
    bureau: await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id),
  };
});

/** A loan of the bank to `enterpriseId`, disbursed about 75 days ago, nothing repaid (overdue). */
async function aLoan(enterpriseId = firmId, amountYuan = 1_200_000) {
  const application = await createApplication(db, {
    enterpriseId,
    productId,
    state: "DISBURSED",
    amountYuan,
    termMonths: 12,
    submittedAt: new Date(Date.now() - 80 * DAY_MS),
  });
  return db.loan.findUniqueOrThrow({ where: { applicationId: application.id } });
}

const path = (id: string) => `/bank/loans/${id}`;
const post = (id: string, form: Record<string, string>, cookie = cookies.bank) =>
  call(bankLoan.action, postRequest(path(id), form, { cookie }), { id });

/** Everything a repayment would change: the loan's row, its periods, repayments and the firm's notifications. */
async function stateOf(loanId: string) {
  const loan = await db.loan.findUniqueOrThrow({
    where: { id: loanId },
    include: { periods: { orderBy: { seq: "asc" } }, repayments: true },
  });
  const notes = await db.notification.count({ where: { user: { enterpriseId: loan.enterpriseId } } });
  return JSON.stringify({ loan, notes }, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

type Reply = {
  errors: Record<string, { key: string; params?: Record<string, string> }>;
  values: Record<string, string>;
};

describe("the bank's repayment form", () => {
  it("refuses each bad repayment with a message at its field, keeps the input, and stores nothing", async () => {
    const loan = await aLoan();
    const disbursedOn = shanghaiDate(loan.disbursedOn);
    // a repayment on record, for the duplicate reference and the "before the last one" date
    const first = await post(loan.id, {
      intent: "repay",
      paidOn: addDays(disbursedOn, 10),
      amount: "100",
      reference: `PAGE-${loan.id}`,
    });
    expect(statusOf(first)).toBe(302);
    const valid = { intent: "repay", paidOn: today(), amount: "1000.05", reference: `OK-${loan.id}` };
    const cases: [Record<string, string>, string, string][] = [
      [{ paidOn: addDays(today(), 1) }, "paidOn", "loans.errors.paidOnFuture"],
      [{ paidOn: addDays(disbursedOn, -1) }, "paidOn", "loans.errors.paidOnBeforeDisbursement"],
      [{ paidOn: addDays(disbursedOn, 5) }, "paidOn", "loans.errors.paidOnBeforeLast"],
      [{ paidOn: "2026-02-30" }, "paidOn", "loans.errors.paidOnInvalid"],
      [{ amount: "0" }, "amount", "loans.errors.amountNotPositive"],
      [{ amount: "-500" }, "amount", "loans.errors.amountNotPositive"],
      [{ amount: "12.345" }, "amount", "loans.errors.amountInvalid"],
      [{ amount: "1e5" }, "amount", "loans.errors.amountInvalid"],
      [{ amount: "99999999.99" }, "amount", "loans.errors.amountTooHigh"],
      [{ reference: `PAGE-${loan.id}` }, "reference", "loans.errors.referenceDuplicate"],
      [{ reference: "有 空格" }, "reference", "loans.errors.referenceInvalid"],
      [{ reference: "" }, "reference", "common.validation.required"],
    ];
    const before = await stateOf(loan.id);
    for (const [change, field, key] of cases) {
      const form = { ...valid, ...change };
      const result = await post(loan.id, form);
      expect(statusOf(result), `${JSON.stringify(change)}`).toBe(400);
      const reply = await jsonOf<Reply>(result);
      expect(reply.errors[field]?.key, JSON.stringify(change)).toBe(key);
      // the input comes back as typed
      expect(reply.values).toMatchObject(form);
      expect(await stateOf(loan.id), `${JSON.stringify(change)} changed the database`).toBe(before);
    }
    // more than owed names the most that day
    const tooMuch = await jsonOf<Reply>(await post(loan.id, { ...valid, amount: "99999999.99" }));
    expect(tooMuch.errors.amount.params?.max).toMatch(/^¥[\d,]+\.\d\d$/);
    // and the valid form then goes through
    expect(statusOf(await post(loan.id, valid))).toBe(302);
    expect(await stateOf(loan.id)).not.toBe(before);
  });

  it("records a repayment in 元 and 分 that the firm then sees on its loan page, with a notice linking there", async () => {
    const loan = await aLoan();
    const result = await post(loan.id, {
      intent: "repay",
      paidOn: today(),
      amount: "12,345.67",
      reference: `SEEN-${loan.id}`,
    });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(path(loan.id));
    const stored = await db.repayment.findFirstOrThrow({ where: { loanId: loan.id } });
    expect(stored.amountFen).toBe(1_234_567n);
    const page = await jsonOf<{ loan: { repayments: { amountFen: string }[]; quote?: unknown } }>(
      await call(enterpriseLoanLoader, getRequest(`/enterprise/loans/${loan.id}`, { cookie: cookies.firm }), {
        id: loan.id,
      }),
    );
    expect(page.loan.repayments.map((r) => r.amountFen)).toEqual(["1234567"]);
    // the bank's working data stays with the bank
    expect(page.loan.quote).toBeUndefined();
    const note = await db.notification.findFirstOrThrow({
      where: { user: { enterpriseId: firmId }, kind: "loan.REPAID" },
      orderBy: { createdAt: "desc" },
    });
    expect(note.link).toBe(`/enterprise/loans/${loan.id}`);
  });

  it("settles at the amount computed for the day, and refuses a settlement quoted on an older state", async () => {
    const loan = await aLoan();
    const stale = await post(loan.id, {
      intent: "settle",
      paidOn: today(),
      reference: `SETTLE-${loan.id}`,
      version: String(loan.version + 1),
    });
    expect(statusOf(stale)).toBe(409);
    expect((await jsonOf<Reply>(stale)).errors._form.key).toBe("loans.errors.stale");
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(0);

    const settled = await post(loan.id, {
      intent: "settle",
      paidOn: today(),
      reference: `SETTLE-${loan.id}`,
      version: String(loan.version),
    });
    expect(statusOf(settled)).toBe(302);
    const after = await db.loan.findUniqueOrThrow({ where: { id: loan.id }, include: { repayments: true } });
    expect(after).toMatchObject({ status: "SETTLED", outstandingPrincipalFen: 0n });
    expect(after.repayments).toHaveLength(1);
    expect(after.repayments[0].kind).toBe("SETTLEMENT");
    // a settled loan takes no more repayments
    const more = await post(loan.id, {
      intent: "repay",
      paidOn: today(),
      amount: "1",
      reference: `X-${loan.id}`,
    });
    expect((await jsonOf<Reply>(more)).errors.amount.key).toBe("loans.errors.nothingOwed");
  });

  it("takes a worse class than the DPD floor, never a better one", async () => {
    const loan = await aLoan();
    // ~75 days without a payment: the floor is 关注 (special mention)
    const better = await post(loan.id, { intent: "riskClass", riskClass: "NORMAL" });
    expect(statusOf(better)).toBe(400);
    expect((await jsonOf<Reply>(better)).errors.riskClass.key).toBe("loans.errors.classBetter");
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).reportedRiskClass).toBeNull();
    expect(statusOf(await post(loan.id, { intent: "riskClass", riskClass: "SUBSTANDARD" }))).toBe(302);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).reportedRiskClass).toBe(
      "SUBSTANDARD",
    );
  });
});

describe("who sees which loan", () => {
  it("gives another bank a 404 for the loan and its forms, storing nothing", async () => {
    const loan = await aLoan();
    const page = await call(bankLoan.loader, getRequest(path(loan.id), { cookie: cookies.otherBank }), {
      id: loan.id,
    });
    expect(statusOf(page)).toBe(404);
    const before = await stateOf(loan.id);
    const forms: Record<string, string>[] = [
      { intent: "repay", paidOn: today(), amount: "10", reference: `OTHER-${loan.id}` },
      { intent: "settle", paidOn: today(), reference: `OTHER2-${loan.id}`, version: String(loan.version) },
      { intent: "riskClass", riskClass: "LOSS" },
    ];
    for (const form of forms) expect(statusOf(await post(loan.id, form, cookies.otherBank))).toBe(404);
    expect(await stateOf(loan.id)).toBe(before);
    const list = await jsonOf<{ loans: { id: string }[] }>(
      await call(bankLoansLoader, getRequest("/bank/loans", { cookie: cookies.otherBank })),
    );
    expect(list.loans.map((l) => l.id)).not.toContain(loan.id);
    const own = await jsonOf<{ loans: { id: string }[] }>(
      await call(
        bankLoansLoader,
        getRequest("/bank/loans?sort=disbursed&dir=desc", { cookie: cookies.bank }),
      ),
    );
    expect(own.loans.map((l) => l.id)).toContain(loan.id);
  });

  it("offers as product filters the products of the bank's own loans only", async () => {
    await aLoan();
    type Page = { products: { id: string }[] };
    const own = await jsonOf<Page>(
      await call(bankLoansLoader, getRequest("/bank/loans", { cookie: cookies.bank })),
    );
    expect(own.products.map((p) => p.id)).toEqual([productId]);
    const other = await jsonOf<Page>(
      await call(bankLoansLoader, getRequest("/bank/loans", { cookie: cookies.otherBank })),
    );
    expect(other.products).toEqual([]);
  });

  it("shows a firm its own loans only", async () => {
    const own = await aLoan();
    const others = await aLoan(otherFirmId);
    const list = await jsonOf<{ loans: { id: string; nextDue: unknown; dpd: number }[] }>(
      await call(enterpriseLoansLoader, getRequest("/enterprise/loans", { cookie: cookies.firm })),
    );
    expect(list.loans.map((l) => l.id)).toContain(own.id);
    expect(list.loans.map((l) => l.id)).not.toContain(others.id);
    const mine = list.loans.find((l) => l.id === own.id)!;
    expect(mine.dpd).toBeGreaterThan(0);
    expect(mine.nextDue).toMatchObject({ dueOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    const foreign = await call(
      enterpriseLoanLoader,
      getRequest(`/enterprise/loans/${others.id}`, { cookie: cookies.firm }),
      { id: others.id },
    );
    expect(statusOf(foreign)).toBe(404);
  });

  it("gives the office its own sub-district's figures, whatever the URL asks, and the bureau every one", async () => {
    const inSd1 = await aLoan(firmId, 3_000_000);
    await aLoan(otherFirmId, 2_000_000);
    type Figures = {
      totals: { active: number };
      byBank: { key: string; outstandingFen: string }[];
      bySubDistrict: { key: string }[];
    };
    const figures = async (cookie: string, query = "") =>
      jsonOf<Figures>(await call(govLoansLoader, getRequest(`/gov/loans${query}`, { cookie })));
    const outstandingIn = async (subDistrictId: string) =>
      String(
        (
          await db.loan.aggregate({
            where: { subDistrictId, bankId, status: "ACTIVE" },
            _sum: { outstandingPrincipalFen: true },
          })
        )._sum.outstandingPrincipalFen,
      );
    const office = await figures(cookies.office, `?subDistrict=${sd2.id}`);
    expect(office.byBank.find((row) => row.key === bankId)?.outstandingFen).toBe(await outstandingIn(sd1.id));
    expect(office.bySubDistrict.map((row) => row.key)).toEqual([sd1.id]);
    const otherOffice = await figures(cookies.otherOffice, `?subDistrict=${sd1.id}`);
    expect(otherOffice.bySubDistrict.map((row) => row.key)).toEqual([sd2.id]);
    expect(otherOffice.byBank.find((row) => row.key === bankId)?.outstandingFen).toBe(
      await outstandingIn(sd2.id),
    );
    const bureau = await figures(cookies.bureau);
    expect(bureau.bySubDistrict.map((row) => row.key)).toEqual(expect.arrayContaining([sd1.id, sd2.id]));
    const narrowed = await figures(cookies.bureau, `?subDistrict=${sd2.id}`);
    expect(narrowed.bySubDistrict.map((row) => row.key)).toEqual([sd2.id]);
    expect(inSd1.subDistrictId).toBe(sd1.id);
  });
});

describe("the government's loan figures", () => {
  it("sum the outstanding, overdue and non-performing principal as the loan filters define them", async () => {
    // one loan of each standing: current, 1–90 days past due, past 90 days, reported 次级 while current
    const [current, late, npl, reported] = [
      await aLoan(),
      await aLoan(),
      await aLoan(otherFirmId),
      await aLoan(),
    ];
    const today = shanghaiDate(new Date());
    const dueOn = (days: number) => startOfShanghaiDay(addDays(today, -days));
    await db.loan.update({ where: { id: current.id }, data: { oldestUnpaidDueOn: null } });
    await db.loan.update({ where: { id: late.id }, data: { oldestUnpaidDueOn: dueOn(30) } });
    await db.loan.update({ where: { id: npl.id }, data: { oldestUnpaidDueOn: dueOn(120) } });
    await db.loan.update({
      where: { id: reported.id },
      data: { oldestUnpaidDueOn: null, reportedRiskClass: "SUBSTANDARD" },
    });
    type Row = { key: string; active: number; outstandingFen: string; overdueFen: string; nplFen: string };
    const bureau = await jsonOf<{ totals: Omit<Row, "key">; byBank: Row[]; bySubDistrict: Row[] }>(
      await call(govLoansLoader, getRequest("/gov/loans", { cookie: cookies.bureau })),
    );
    const sum = async (where: Prisma.LoanWhereInput) => {
      const found = await db.loan.aggregate({
        where: { AND: [{ status: "ACTIVE" }, where] },
        _sum: { outstandingPrincipalFen: true },
        _count: { _all: true },
      });
      return { fen: String(found._sum.outstandingPrincipalFen ?? 0n), count: found._count._all };
    };
    expect(bureau.totals.outstandingFen).toBe((await sum({})).fen);
    expect(bureau.totals.active).toBe((await sum({})).count);
    expect(bureau.totals.overdueFen).toBe((await sum(overdueWhere(today))).fen);
    expect(bureau.totals.nplFen).toBe((await sum(nonPerformingWhere(today))).fen);
    for (const row of bureau.bySubDistrict) {
      const scope = { subDistrictId: row.key };
      expect(row.outstandingFen).toBe((await sum(scope)).fen);
      expect(row.overdueFen).toBe((await sum({ AND: [scope, overdueWhere(today)] })).fen);
      expect(row.nplFen).toBe((await sum({ AND: [scope, nonPerformingWhere(today)] })).fen);
    }
    const ours = bureau.byBank.find((row) => row.key === bankId)!;
    expect(ours.nplFen).toBe((await sum({ AND: [{ bankId }, nonPerformingWhere(today)] })).fen);
    // the two non-performing loans count, the current and the late one do not
    expect(BigInt(ours.nplFen)).toBeGreaterThanOrEqual(
      npl.outstandingPrincipalFen + reported.outstandingPrincipalFen,
    );
    expect(BigInt(ours.overdueFen)).toBeGreaterThanOrEqual(
      late.outstandingPrincipalFen + npl.outstandingPrincipalFen,
    );
  });
});

describe("due-date reminders", () => {
  it("link to the firm's loan page, which the firm can open", async () => {
    const loan = await aLoan();
    const period = await db.loanPeriod.findFirstOrThrow({
      where: { loanId: loan.id, dueOn: { gt: new Date() } },
      orderBy: { seq: "asc" },
    });
    // three days before that due date
    const dueOn = shanghaiDate(period.dueOn);
    await sendDueReminders(new Date(startOfShanghaiDay(addDays(dueOn, -3)).getTime() + 10 * 3_600_000));
    const note = await db.notification.findFirstOrThrow({
      where: { user: { enterpriseId: firmId }, kind: "loan.DUE_SOON", link: `/enterprise/loans/${loan.id}` },
    });
    expect(JSON.parse(note.params)).toMatchObject({ date: dueOn });
    const page = await call(enterpriseLoanLoader, getRequest(note.link!, { cookie: cookies.firm }), {
      id: loan.id,
    });
    expect(statusOf(page)).toBe(200);
  });
});
