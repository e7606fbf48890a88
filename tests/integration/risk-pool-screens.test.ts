// The risk pool's screens, driven through their routes: each form's refusals come back with a
// message where it belongs and store nothing; the accepted forms do what their page says; a bank
// never reaches another bank's loans or claims; the office reads its figures and writes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "~/domain/shanghai-time";
import { fileClaim, reviewClaim } from "~/models/pool-claim.server";
import { fileLoan } from "~/models/pool-filing.server";
import { addRecoveryAction } from "~/models/pool-recovery.server";
import { recordDeposit } from "~/models/risk-pool.server";
import * as bankClaim from "~/routes/bank.claims.$id/route";
import * as bankClaims from "~/routes/bank.claims._index";
import * as loanClaim from "~/routes/bank.loans.$id_.claim/route";
import * as filing from "~/routes/bank.loans.$id_.filing";
import * as bankLoans from "~/routes/bank.loans._index/route";
import * as overview from "~/routes/gov.risk-pool._index/route";
import * as banksPage from "~/routes/gov.risk-pool.banks";
import * as review from "~/routes/gov.risk-pool.claims.$id/route";
import * as queue from "~/routes/gov.risk-pool.claims._index";
import * as recoveries from "~/routes/gov.risk-pool.recoveries/route";
import * as rules from "~/routes/gov.risk-pool.rules/route";

import { createEnterprise, createSubDistrict, createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import {
  TODAY,
  createLoan,
  createPoolWorld,
  daysAfterDisbursement,
  expectLedgerMatchesBalance,
  type LoanOptions,
  type PoolWorld,
} from "./support/pool-world";

type Fn = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;
type Reply = { errors: Record<string, { key: string; params?: Record<string, string> }>; reasons?: string[] };

let w: PoolWorld;
const cookies = { officer: "", otherOfficer: "", bureau: "", office: "", firm: "" };

beforeAll(async () => {
  w = await createPoolWorld();
  cookies.officer = await sessionCookieFor(w.users.officer.id);
  cookies.otherOfficer = await sessionCookieFor(w.users.otherOfficer.id);
  cookies.bureau = await sessionCookieFor(w.users.bureau.id);
  cookies.firm = await sessionCookieFor(w.users.firmUser.id);
  const office = await createUser(db, { role: "GOV_OFFICE", subDistrictId: w.subDistrict.id });
  cookies.office = await sessionCookieFor(office.id);
});

afterEach(async () => {
  await expectLedgerMatchesBalance(expect);
});

const loanOf = (options: Partial<LoanOptions> = {}) =>
  createLoan({
    productId: w.products.credit.id,
    enterpriseId: w.firm.id,
    subDistrictId: w.subDistrict.id,
    ...options,
  });

/** A loan filed in its window, `dpd` days past due, with one recovery action. */
async function claimableLoan(options: Partial<LoanOptions> = {}) {
  const loan = await loanOf({ dpd: 120, ...options });
  expect((await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 5))).ok).toBe(true);
  await addRecoveryAction(w.actors.officer, loan.id, {
    takenOn: addDays(TODAY, -10),
    kind: "LAWSUIT",
    description: "已向郑东新区人民法院起诉",
  });
  return loan;
}

async function filedClaim(options: Partial<LoanOptions> = {}) {
  const loan = await claimableLoan(options);
  const claim = await fileClaim(w.actors.officer, loan.id, { statement: "停产", materials: ["借款合同"] });
  if (!claim.ok) throw new Error(`claim refused: ${JSON.stringify(claim)}`);
  return { loan, claimId: claim.claimId };
}

const post = (fn: Fn, path: string, form: Record<string, string | string[]>, cookie: string, params = {}) =>
  call(fn, postRequest(path, form, { cookie }), params);
const get = (fn: Fn, path: string, cookie: string, params = {}) =>
  call(fn, getRequest(path, { cookie }), params);

/** The flash a redirect carries (a base64 JSON cookie). */
function flashOf(response: unknown) {
  const header = (response as Response).headers.get("Set-Cookie") ?? "";
  const value = /xyd_flash=([^;]*)/.exec(header)?.[1];
  if (!value) return null;
  return JSON.parse(Buffer.from(decodeURIComponent(value), "base64").toString("utf8")) as {
    kind: string;
    key: string;
    params?: Record<string, string>;
  };
}

const balance = async () => (await db.riskPool.findUnique({ where: { id: "district" } }))?.balanceFen ?? 0n;

describe("the bureau's pool page", () => {
  it("refuses a deposit of nothing or of letters with the amount's message and records nothing", async () => {
    const before = await db.poolMovement.count();
    for (const amount of ["0", "-5", "abc", "1.23456"]) {
      const result = await post(
        overview.action as Fn,
        "/gov/risk-pool",
        { amount, reference: "郑东财〔2026〕1号" },
        cookies.bureau,
      );
      expect(statusOf(result)).toBe(400);
      const body = await jsonOf<Reply & { values: Record<string, string> }>(result);
      expect(body.errors.amount.key).toBe("pool.errors.amountWan");
      expect(body.values.amount).toBe(amount);
    }
    const noReference = await post(overview.action as Fn, "/gov/risk-pool", { amount: "10" }, cookies.bureau);
    expect((await jsonOf<Reply>(noReference)).errors.reference.key).toBe("common.validation.required");
    expect(await db.poolMovement.count()).toBe(before);
  });

  it("records a deposit in 万元 and shows it in the ledger and the balance", async () => {
    const start = await balance();
    const result = await post(
      overview.action as Fn,
      "/gov/risk-pool",
      { amount: "12.5", reference: "郑东财〔2026〕7号", note: "首批注资" },
      cookies.bureau,
    );
    expect(statusOf(result)).toBe(302);
    expect(flashOf(result)?.key).toBe("pool.deposit.done");
    expect(await balance()).toBe(start + 12_500_000n);
    const page = (await get(overview.loader as Fn, "/gov/risk-pool?kind=DEPOSIT", cookies.bureau)) as {
      view: string;
      movements: { reference: string; amountFen: string }[];
      overview: { balanceFen: string };
    };
    expect(page.view).toBe("bureau");
    expect(page.movements[0]).toMatchObject({ reference: "郑东财〔2026〕7号", amountFen: "12500000" });
    expect(page.overview.balanceFen).toBe((await balance()).toString());
  });

  it("gives the office its sub-district's figures only, and refuses it a deposit", async () => {
    const page = (await get(overview.loader as Fn, "/gov/risk-pool", cookies.office)) as {
      view: string;
      figures: Record<string, unknown>;
    };
    expect(page.view).toBe("office");
    expect(page).not.toHaveProperty("movements");
    const before = await balance();
    const refused = await post(
      overview.action as Fn,
      "/gov/risk-pool",
      { amount: "10", reference: "x" },
      cookies.office,
    );
    expect(statusOf(refused)).toBe(403);
    expect(await balance()).toBe(before);
    expect(statusOf(await get(queue.loader as Fn, "/gov/risk-pool/claims", cookies.office))).toBe(404);
  });

  it("counts for the office the filed loans and the claims of its sub-district's loans, not another's", async () => {
    const elsewhere = await createSubDistrict(db);
    const own = await filedClaim();
    await filedClaim({ subDistrictId: elsewhere.id });
    await reviewClaim(w.actors.bureau, own.claimId, { action: "approve", amountFen: 1_000_000n }, 0);
    await recordDeposit(w.actors.bureau, { amountFen: 1_000_000n, reference: "DEP-OFFICE", note: "" });
    const { figures } = (await get(overview.loader as Fn, "/gov/risk-pool", cookies.office)) as {
      figures: Record<string, unknown>;
    };
    // the definitions, in Prisma's terms
    const inOffice = { subDistrictId: w.subDistrict.id };
    const filed = await db.loan.aggregate({
      where: { ...inOffice, status: "ACTIVE", filing: { isNot: null } },
      _count: { _all: true },
      _sum: { outstandingPrincipalFen: true },
    });
    const byState = await db.claim.groupBy({
      by: ["state"],
      where: { loan: inOffice },
      _count: { _all: true },
    });
    const paid = await db.claim.aggregate({
      where: { state: "PAID", loan: inOffice },
      _sum: { approvedFen: true },
    });
    expect(paid._sum.approvedFen).toBe(1_000_000n);
    expect(figures).toMatchObject({
      filedLoans: filed._count._all,
      filedOutstandingFen: String(filed._sum.outstandingPrincipalFen),
      compensationFen: "1000000",
    });
    // every state, exactly: a claim of the other sub-district's loan would add a FILED one
    expect(figures.claimsByState).toEqual(
      Object.fromEntries(byState.map((row) => [row.state, row._count._all])),
    );
    expect(byState.reduce((sum, row) => sum + row._count._all, 0)).toBeLessThan(await db.claim.count());
  });
});

describe("rule versions", () => {
  const form = (over: Record<string, string | string[]> = {}) => ({
    effectiveOn: addDays(TODAY, 500),
    coverage: "80",
    bonus: "5",
    cap: "500",
    maxPrincipal: "1000",
    guaranteeTypes: ["CREDIT", "GUARANTEE"],
    sizes: ["SMALL", "MICRO"],
    filingWindow: "30",
    claimThreshold: "90",
    suspension: "5",
    ...over,
  });

  it("refuses a version dated in the past, coverage over 100% and no sizes, each by its field, storing nothing", async () => {
    const before = await db.poolRule.count();
    const past = await post(
      rules.action as Fn,
      "/gov/risk-pool/rules",
      form({ effectiveOn: addDays(TODAY, -1) }),
      cookies.bureau,
    );
    expect((await jsonOf<Reply>(past)).errors.effectiveOn.key).toBe("pool.errors.datePast");
    const over = await post(
      rules.action as Fn,
      "/gov/risk-pool/rules",
      form({ coverage: "98", bonus: "5" }),
      cookies.bureau,
    );
    expect((await jsonOf<Reply>(over)).errors.bonus.key).toBe("pool.errors.coverageOver");
    const { sizes: _sizes, ...withoutSizes } = form();
    const none = await post(rules.action as Fn, "/gov/risk-pool/rules", withoutSizes, cookies.bureau);
    expect((await jsonOf<Reply>(none)).errors.sizes.key).toBe("pool.errors.pickOne");
    const days = await post(
      rules.action as Fn,
      "/gov/risk-pool/rules",
      form({ filingWindow: "0" }),
      cookies.bureau,
    );
    expect((await jsonOf<Reply>(days)).errors.filingWindow.key).toBe("pool.errors.days");
    expect(await db.poolRule.count()).toBe(before);
  });

  it("adds a version effective from a later day, with its terms as typed", async () => {
    const day = addDays(TODAY, 501);
    const result = await post(
      rules.action as Fn,
      "/gov/risk-pool/rules",
      form({ effectiveOn: day, whitelistOnly: "on" }),
      cookies.bureau,
    );
    expect(statusOf(result)).toBe(302);
    expect(await db.poolRule.findUnique({ where: { effectiveOn: day } })).toMatchObject({
      coverageBp: 8000,
      firstLoanBonusBp: 500,
      capYuan: 5_000_000,
      maxPrincipalYuan: 10_000_000,
      sizes: "SMALL,MICRO",
      whitelistOnly: true,
      suspensionThresholdBp: 500,
    });
    const taken = await post(
      rules.action as Fn,
      "/gov/risk-pool/rules",
      form({ effectiveOn: day }),
      cookies.bureau,
    );
    expect((await jsonOf<Reply>(taken)).errors.effectiveOn.key).toBe("pool.errors.dateTaken");
  });
});

describe("filing a loan", () => {
  it("files the bank's own loan within its window and says so", async () => {
    const loan = await loanOf({ disbursedOn: addDays(TODAY, -3) });
    const result = await post(
      filing.action as Fn,
      `/bank/loans/${loan.id}/filing`,
      { intent: "file" },
      cookies.officer,
      { id: loan.id },
    );
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/bank/loans/${loan.id}`);
    expect(flashOf(result)?.key).toBe("pool.bank.filedFlash");
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(1);
    const again = await post(
      filing.action as Fn,
      `/bank/loans/${loan.id}/filing`,
      { intent: "file", back: "claim" },
      cookies.officer,
      { id: loan.id },
    );
    expect((again as Response).headers.get("Location")).toBe(`/bank/loans/${loan.id}/claim`);
    expect(flashOf(again)).toMatchObject({ kind: "error", key: "pool.errors.alreadyFiled" });
  });

  it("lists the bank's filed loans under 备案: yes and the others under no", async () => {
    const filed = await loanOf({ disbursedOn: addDays(TODAY, -2) });
    const unfiled = await loanOf({ disbursedOn: addDays(TODAY, -2) });
    expect((await fileLoan(w.actors.officer, filed.id, daysAfterDisbursement(filed, 1))).ok).toBe(true);
    const ids = async (choice: string) => {
      const page = await jsonOf<{ loans: { id: string; filed: boolean }[]; total: number }>(
        await get(
          bankLoans.loader as Fn,
          `/bank/loans?filed=${choice}&sort=disbursed&dir=desc`,
          cookies.officer,
        ),
      );
      return page.loans.map((loan) => loan.id);
    };
    const yes = await ids("yes");
    const no = await ids("no");
    expect(yes).toContain(filed.id);
    expect(yes).not.toContain(unfiled.id);
    expect(no).toContain(unfiled.id);
    expect(no).not.toContain(filed.id);
  });

  it("refuses a late mortgage loan with every reason in the flash, storing nothing", async () => {
    const loan = await loanOf({ productId: w.products.mortgage.id, disbursedOn: addDays(TODAY, -60) });
    const result = await post(
      filing.action as Fn,
      `/bank/loans/${loan.id}/filing`,
      { intent: "file" },
      cookies.officer,
      { id: loan.id },
    );
    expect(statusOf(result)).toBe(302);
    const flash = flashOf(result);
    expect(flash).toMatchObject({ kind: "error", key: "pool.bank.filingRefused" });
    // zh-CN by default: the guarantee type and the closed window, both
    expect(flash?.params?.reasons).toContain("担保方式");
    expect(flash?.params?.reasons).toContain("备案期限");
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("answers 404 for another bank's loan and files nothing", async () => {
    const loan = await loanOf({ disbursedOn: addDays(TODAY, -2) });
    const result = await post(
      filing.action as Fn,
      `/bank/loans/${loan.id}/filing`,
      { intent: "file" },
      cookies.otherOfficer,
      { id: loan.id },
    );
    expect(statusOf(result)).toBe(404);
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(0);
  });
});

describe("the bank's claim page", () => {
  it("is the loan's bank's alone", async () => {
    const loan = await loanOf();
    const path = `/bank/loans/${loan.id}/claim`;
    expect(statusOf(await get(loanClaim.loader as Fn, path, cookies.officer, { id: loan.id }))).toBe(200);
    expect(statusOf(await get(loanClaim.loader as Fn, path, cookies.otherOfficer, { id: loan.id }))).toBe(
      404,
    );
    expect(statusOf(await get(loanClaim.loader as Fn, path, cookies.firm, { id: loan.id }))).toBe(404);
  });

  it("refuses a recovery action dated in the future or before the disbursement, by its field", async () => {
    const loan = await loanOf({ disbursedOn: addDays(TODAY, -40) });
    const path = `/bank/loans/${loan.id}/claim`;
    const base = { intent: "action", kind: "REMINDER", description: "电话催收" };
    const future = await post(
      loanClaim.action as Fn,
      path,
      { ...base, takenOn: addDays(TODAY, 1) },
      cookies.officer,
      { id: loan.id },
    );
    expect((await jsonOf<Reply>(future)).errors.takenOn.key).toBe("gov.errors.dateInFuture");
    const early = await post(
      loanClaim.action as Fn,
      path,
      { ...base, takenOn: addDays(TODAY, -41) },
      cookies.officer,
      { id: loan.id },
    );
    expect((await jsonOf<Reply>(early)).errors.takenOn.key).toBe("pool.errors.dateBeforeDisbursement");
    expect(await db.recoveryAction.count({ where: { loanId: loan.id } })).toBe(0);
    const ok = await post(loanClaim.action as Fn, path, { ...base, takenOn: TODAY }, cookies.officer, {
      id: loan.id,
    });
    expect(statusOf(ok)).toBe(302);
    expect(await db.recoveryAction.count({ where: { loanId: loan.id } })).toBe(1);
  });

  it("refuses a claim below the threshold without recovery actions with every reason, storing nothing", async () => {
    const loan = await loanOf({ dpd: 30 });
    expect((await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 5))).ok).toBe(true);
    const path = `/bank/loans/${loan.id}/claim`;
    const result = await post(
      loanClaim.action as Fn,
      path,
      { intent: "claim", statement: "借款人失联", materials: "借款合同\n催收记录" },
      cookies.officer,
      { id: loan.id },
    );
    expect(statusOf(result)).toBe(400);
    const body = await jsonOf<Reply & { values: Record<string, string> }>(result);
    expect(body.errors._form.key).toBe("pool.bank.cannotClaim");
    expect(body.reasons).toEqual(["BELOW_THRESHOLD", "NO_RECOVERY_ACTIONS"]);
    expect(body.values.statement).toBe("借款人失联");
    expect(await db.claim.count({ where: { loanId: loan.id } })).toBe(0);
    const empty = await post(
      loanClaim.action as Fn,
      path,
      { intent: "claim", statement: "x", materials: " \n " },
      cookies.officer,
      { id: loan.id },
    );
    expect((await jsonOf<Reply>(empty)).errors.materials.key).toBe("common.validation.required");
  });

  it("files a claim on a filed loan past the threshold with its material list, computed by the rules", async () => {
    const loan = await claimableLoan({ principalFen: 200_000_000n, outstandingFen: 150_000_000n });
    const result = await post(
      loanClaim.action as Fn,
      `/bank/loans/${loan.id}/claim`,
      { intent: "claim", statement: "借款人停产，已起诉", materials: "借款合同\r\n\r\n放款凭证\n起诉状" },
      cookies.officer,
      { id: loan.id },
    );
    expect(statusOf(result)).toBe(302);
    const claim = await db.claim.findUniqueOrThrow({
      where: { loanId: loan.id },
      include: { materials: true },
    });
    expect((result as Response).headers.get("Location")).toBe(`/bank/claims/${claim.id}`);
    expect(claim.materials.map((m) => m.title).sort()).toEqual(["借款合同", "放款凭证", "起诉状"].sort());
    // 80% of 150万 (no first-loan bonus)
    expect(claim.computedFen).toBe(120_000_000n);
    const twice = await post(
      loanClaim.action as Fn,
      `/bank/loans/${loan.id}/claim`,
      { intent: "claim", statement: "再次提交", materials: "借款合同" },
      cookies.officer,
      { id: loan.id },
    );
    expect(statusOf(twice)).toBe(409);
    expect(await db.claim.count({ where: { loanId: loan.id } })).toBe(1);
  });
});

describe("the bureau's review", () => {
  it("refuses an amount over the computed one and Other without a text, by their fields, changing nothing", async () => {
    const { claimId } = await filedClaim();
    const path = `/gov/risk-pool/claims/${claimId}`;
    const over = await post(
      review.action as Fn,
      path,
      { intent: "approve", amount: "800000.01", version: "0" },
      cookies.bureau,
      { id: claimId },
    );
    const overBody = await jsonOf<Reply>(over);
    expect(overBody.errors.amount.key).toBe("pool.errors.amountOverComputed");
    expect(overBody.errors.amount.params?.computed).toBe("¥800,000.00");
    const other = await post(
      review.action as Fn,
      path,
      { intent: "reject", reason: "OTHER", text: " ", version: "0" },
      cookies.bureau,
      { id: claimId },
    );
    expect((await jsonOf<Reply>(other)).errors.text.key).toBe("pool.errors.textRequired");
    const stale = await post(
      review.action as Fn,
      path,
      { intent: "return", note: "补充判决书", version: "7" },
      cookies.bureau,
      { id: claimId },
    );
    expect(statusOf(stale)).toBe(409);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      state: "FILED",
      version: 0,
    });
  });

  it("shows the queue with each claim's review clock, and the claim to the bureau only", async () => {
    const { claimId } = await filedClaim();
    const page = (await get(queue.loader as Fn, "/gov/risk-pool/claims", cookies.bureau)) as {
      claims: { id: string; clock: { overdue: boolean; workingDaysLeft: number } | null }[];
      reviewWorkingDays: number;
    };
    const row = page.claims.find((c) => c.id === claimId);
    expect(row?.clock).toMatchObject({ overdue: false });
    expect(row?.clock?.workingDaysLeft).toBeGreaterThan(15);
    // a claim submitted 30 working days ago is flagged overdue
    await db.claim.update({
      where: { id: claimId },
      data: { submittedAt: new Date(Date.now() - 50 * 86_400_000) },
    });
    const later = (await get(queue.loader as Fn, "/gov/risk-pool/claims", cookies.bureau)) as typeof page;
    expect(later.claims.find((c) => c.id === claimId)?.clock?.overdue).toBe(true);
    const path = `/gov/risk-pool/claims/${claimId}`;
    expect(statusOf(await get(review.loader as Fn, path, cookies.officer, { id: claimId }))).toBe(404);
    expect(statusOf(await get(review.loader as Fn, path, cookies.office, { id: claimId }))).toBe(404);
  });

  it("approves; a short balance makes the claim wait with what is missing; a deposit pays it", async () => {
    const { claimId } = await filedClaim({ outstandingFen: 100_000_000n });
    // the deposits so far (12.5万) cannot pay 70万
    expect(await balance()).toBeLessThan(70_000_000n);
    const path = `/gov/risk-pool/claims/${claimId}`;
    const approved = await post(
      review.action as Fn,
      path,
      { intent: "approve", amount: "700000", version: "0" },
      cookies.bureau,
      { id: claimId },
    );
    expect(statusOf(approved)).toBe(302);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.state).toBe("APPROVED");
    expect(flashOf(approved)?.key).toBe("pool.claim.flash.approved");
    const page = (await get(review.loader as Fn, path, cookies.bureau, { id: claimId })) as {
      queue: { ahead: number; shortfallFen: string } | null;
    };
    expect(BigInt(page.queue?.shortfallFen ?? "0")).toBeGreaterThan(0n);
    const pay = await post(review.action as Fn, path, { intent: "pay" }, cookies.bureau, { id: claimId });
    expect(flashOf(pay)?.key).toBe("pool.claim.flash.payWaiting");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("APPROVED");
    const deposit = await post(
      overview.action as Fn,
      "/gov/risk-pool",
      { amount: "500", reference: "郑东财〔2026〕9号" },
      cookies.bureau,
    );
    expect(flashOf(deposit)?.key).toBe("pool.deposit.paidWaiting");
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("PAID");
  });

  it("returns a claim; the bank answers with more material and it is back in the queue", async () => {
    const { claimId } = await filedClaim();
    const returned = await post(
      review.action as Fn,
      `/gov/risk-pool/claims/${claimId}`,
      { intent: "return", note: "请补充法院受理通知书", version: "0" },
      cookies.bureau,
      { id: claimId },
    );
    expect(statusOf(returned)).toBe(302);
    const path = `/bank/claims/${claimId}`;
    const missing = await post(
      bankClaim.action as Fn,
      path,
      { intent: "refile", statement: "已补充", materials: "", version: "1" },
      cookies.officer,
      { id: claimId },
    );
    expect((await jsonOf<Reply>(missing)).errors.materials.key).toBe("common.validation.required");
    const foreign = await post(
      bankClaim.action as Fn,
      path,
      { intent: "refile", statement: "x", materials: "y", version: "1" },
      cookies.otherOfficer,
      { id: claimId },
    );
    expect(statusOf(foreign)).toBe(404);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("RETURNED");
    const refiled = await post(
      bankClaim.action as Fn,
      path,
      { intent: "refile", statement: "已补充受理通知书", materials: "法院受理通知书", version: "1" },
      cookies.officer,
      { id: claimId },
    );
    expect(statusOf(refiled)).toBe(302);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { materials: true } });
    expect(claim.state).toBe("FILED");
    expect(claim.materials.find((m) => m.title === "法院受理通知书")?.round).toBe(2);
  });
});

describe("the bank's claims and recoveries", () => {
  it("lists the bank's own claims only; another bank's claim is 404", async () => {
    const { claimId } = await filedClaim();
    const own = (await get(bankClaims.loader as Fn, "/bank/claims", cookies.officer)) as {
      claims: { id: string }[];
    };
    expect(own.claims.map((c) => c.id)).toContain(claimId);
    const other = (await get(bankClaims.loader as Fn, "/bank/claims", cookies.otherOfficer)) as {
      claims: unknown[];
    };
    expect(other.claims).toEqual([]);
    expect(
      statusOf(
        await get(bankClaim.loader as Fn, `/bank/claims/${claimId}`, cookies.otherOfficer, { id: claimId }),
      ),
    ).toBe(404);
    expect(
      statusOf(await get(bankClaim.loader as Fn, `/bank/claims/${claimId}`, cookies.bureau, { id: claimId })),
    ).toBe(404);
  });

  it("reports a recovery on a paid claim; refusals by field; the bureau confirms receipt into the ledger", async () => {
    await post(
      overview.action as Fn,
      "/gov/risk-pool",
      { amount: "200", reference: "郑东财〔2026〕11号" },
      cookies.bureau,
    );
    const { claimId } = await filedClaim();
    const reviewed = await reviewClaim(
      w.actors.bureau,
      claimId,
      { action: "approve", amountFen: 80_000_000n },
      0,
    );
    expect(reviewed).toMatchObject({ ok: true, paid: true });
    const path = `/bank/claims/${claimId}`;
    const base = { intent: "recovery", recoveredOn: TODAY, amount: "100000", reference: "ZS-RCV-001" };
    const future = await post(
      bankClaim.action as Fn,
      path,
      { ...base, recoveredOn: addDays(TODAY, 2) },
      cookies.officer,
      { id: claimId },
    );
    expect((await jsonOf<Reply>(future)).errors.recoveredOn.key).toBe("gov.errors.dateInFuture");
    const zero = await post(bankClaim.action as Fn, path, { ...base, amount: "0" }, cookies.officer, {
      id: claimId,
    });
    expect((await jsonOf<Reply>(zero)).errors.amount.key).toBe("pool.errors.amountNotPositive");
    expect(await db.recovery.count({ where: { claimId } })).toBe(0);
    const reported = await post(bankClaim.action as Fn, path, base, cookies.officer, { id: claimId });
    expect(statusOf(reported)).toBe(302);
    expect(flashOf(reported)?.params?.share).toBe("¥80,000.00");
    const duplicate = await post(bankClaim.action as Fn, path, base, cookies.officer, { id: claimId });
    expect((await jsonOf<Reply>(duplicate)).errors.reference.key).toBe("pool.errors.duplicateReference");
    const recovery = await db.recovery.findFirstOrThrow({ where: { claimId } });
    const before = await balance();
    const received = await post(
      recoveries.action as Fn,
      "/gov/risk-pool/recoveries",
      { id: recovery.id },
      cookies.bureau,
    );
    expect(statusOf(received)).toBe(302);
    expect(await balance()).toBe(before + 8_000_000n);
    const again = await post(
      recoveries.action as Fn,
      "/gov/risk-pool/recoveries",
      { id: recovery.id },
      cookies.bureau,
    );
    expect(statusOf(again)).toBe(409);
    expect(await balance()).toBe(before + 8_000_000n);
  });
});

describe("banks' standing", () => {
  it("lifts a suspension with a reason; without one nothing changes", async () => {
    const suspension = await db.bankSuspension.create({
      data: {
        bankId: w.otherBank.id,
        ratioBp: 900,
        thresholdBp: 500,
        overdueFen: 9n,
        outstandingFen: 100n,
        activeKey: w.otherBank.id,
      },
    });
    const page = (await get(banksPage.loader as Fn, "/gov/risk-pool/banks", cookies.bureau)) as {
      banks: { id: string; suspended: boolean }[];
    };
    expect(page.banks.find((b) => b.id === w.otherBank.id)?.suspended).toBe(true);
    const blank = await post(
      banksPage.action as Fn,
      "/gov/risk-pool/banks",
      { id: suspension.id, reason: "" },
      cookies.bureau,
    );
    expect((await jsonOf<Reply>(blank)).errors.reason.key).toBe("common.validation.required");
    expect((await db.bankSuspension.findUniqueOrThrow({ where: { id: suspension.id } })).endedAt).toBeNull();
    const lifted = await post(
      banksPage.action as Fn,
      "/gov/risk-pool/banks",
      { id: suspension.id, reason: "已完成整改" },
      cookies.bureau,
    );
    expect(statusOf(lifted)).toBe(302);
    expect(await db.bankSuspension.findUniqueOrThrow({ where: { id: suspension.id } })).toMatchObject({
      endKind: "LIFTED_BY_BUREAU",
      endReason: "已完成整改",
    });
  });
});

describe("the pool's filed-loan figures", () => {
  it("count the active filed loans and their outstanding principal, the office's sub-district only", async () => {
    const elsewhere = await createSubDistrict(db);
    const otherFirm = await createEnterprise(db, { subDistrictId: elsewhere.id });
    const file = async (loan: Awaited<ReturnType<typeof loanOf>>) =>
      expect((await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 3))).ok).toBe(true);
    await file(await loanOf({ outstandingFen: 40_000_000n }));
    // settled after filing, active but not filed, filed in another sub-district
    const settled = await loanOf();
    await file(settled);
    await db.loan.update({ where: { id: settled.id }, data: { status: "SETTLED" } });
    await loanOf();
    await file(await loanOf({ enterpriseId: otherFirm.id, subDistrictId: elsewhere.id }));

    type Figures = { filedLoans: number; filedOutstandingFen: string };
    const bureau = {
      figures: ((await get(overview.loader as Fn, "/gov/risk-pool", cookies.bureau)) as { overview: Figures })
        .overview,
    };
    const office = (await get(overview.loader as Fn, "/gov/risk-pool", cookies.office)) as {
      figures: Figures;
    };
    const definition = async (where: object) => {
      const found = await db.loan.aggregate({
        where: { ...where, status: "ACTIVE", filing: { isNot: null } },
        _sum: { outstandingPrincipalFen: true },
        _count: { _all: true },
      });
      return {
        filedLoans: found._count._all,
        filedOutstandingFen: String(found._sum.outstandingPrincipalFen ?? 0n),
      };
    };
    expect(bureau.figures).toMatchObject(await definition({}));
    expect(office.figures).toMatchObject(await definition({ subDistrictId: w.subDistrict.id }));
    // the other sub-districts' filings count for the bureau only
    const outside = await definition({ subDistrictId: { not: w.subDistrict.id } });
    expect(outside.filedLoans).toBeGreaterThan(0);
    expect(bureau.figures.filedLoans - office.figures.filedLoans).toBe(outside.filedLoans);
    expect(office.figures.filedLoans).toBeGreaterThan(0);
  });
});
