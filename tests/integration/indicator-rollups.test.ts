/**
 * Indicator rollups (issue 15, docs/decisions/020-indicator-rollups.md), property-based: random
 * sequences of portal events — submissions, accept, approve, reject, withdraw, disbursements
 * back-dated before the firm's other loans, LPR changes, holidays and 调休 workdays marked and
 * unmarked, the first-response SLA changed — leave the rollups equal to a
 * recomputation from the base tables, and the dashboard's report read from the rollups equal to
 * the report computed from the base tables in SQL, for every breakdown and the filters. Runs on
 * SQLite (npm test) and on PostgreSQL (npm run test:pg).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { pruneRollups } from "~/jobs/prune-rollups.server";
import { runJob } from "~/jobs/runner.server";
import type { IndicatorDimension, IndicatorFilter } from "~/domain/indicators";
import { INDICATOR_DIMENSIONS } from "~/domain/indicators";
import { shanghaiDate } from "~/domain/shanghai-time";
import type { BankActor, BureauActor, EnterpriseActor } from "~/models/actor";
import { transitionApplication, type TransitionInput } from "~/models/application-transition.server";
import { submitApplication } from "~/models/enterprise-application.server";
import type { RollupRow } from "~/domain/indicator-rollup";
import {
  applyRollupDeltas,
  rebuildRollups,
  recomputeRollups,
  verifyRollups,
} from "~/models/indicator-rollup.server";
import { getIndicatorReport } from "~/models/indicators.server";
import { getActorById } from "~/models/user.server";

import {
  bureauUser,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
  shanghaiTime,
} from "../../prisma/factories";
import { db } from "./helpers";

const DAY = 86_400_000;
const T0 = shanghaiTime("2025-03-03", 10);
const NOW = shanghaiTime("2026-11-20", 12);
const PERIOD: IndicatorFilter = { fromDay: "2025-01-01", toDay: "2026-11-20" };

let bureau: BureauActor;
const banks: BankActor[] = [];
const firms: { actor: EnterpriseActor; id: string }[] = [];
const products: { id: string; bank: number }[] = [];
const subDistricts: string[] = [];
/** the applications the events created, in order */
const applications: { id: string; bank: number; firm: number }[] = [];

beforeAll(async () => {
  bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
  subDistricts.push((await createSubDistrict(db)).id, (await createSubDistrict(db)).id);
  for (let i = 0; i < 2; i++) {
    const bank = await createBank(db);
    banks.push(
      (await getActorById((await createUser(db, { role: "BANK", bankId: bank.id })).id)) as BankActor,
    );
  }
  const productSpecs = [
    { bank: 0, type: "CREDIT", guaranteeType: "CREDIT" },
    { bank: 0, type: "MORTGAGE", guaranteeType: "MORTGAGE" },
    { bank: 1, type: "CREDIT", guaranteeType: "CREDIT" },
  ] as const;
  for (const spec of productSpecs) {
    const product = await createProduct(db, {
      bankId: banks[spec.bank].bankId,
      type: spec.type,
      guaranteeType: spec.guaranteeType,
    });
    products.push({ id: product.id, bank: spec.bank });
  }
  const firmSpecs = [
    { sd: 0, size: "MICRO", sectionCode: "C", hadBankLoan: false, whitelisted: true },
    { sd: 0, size: "SMALL", sectionCode: "F", hadBankLoan: true, whitelisted: false },
    { sd: 1, size: "MEDIUM", sectionCode: "C", hadBankLoan: false, whitelisted: false },
    { sd: 1, size: "MICRO", sectionCode: "I", hadBankLoan: false, whitelisted: true },
  ] as const;
  for (const spec of firmSpecs) {
    const enterprise = await createEnterprise(db, {
      subDistrictId: subDistricts[spec.sd],
      size: spec.size,
      sectionCode: spec.sectionCode,
      hadBankLoan: spec.hadBankLoan,
      onDishonestyList: false,
      taxGrade: "A",
      createdAt: new Date(T0.getTime() - 30 * DAY),
      whitelistedUntil: spec.whitelisted ? shanghaiTime("2027-12-31") : null,
    });
    const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: enterprise.id });
    firms.push({ id: enterprise.id, actor: (await getActorById(user.id)) as EnterpriseActor });
  }
});

type Event =
  | { kind: "submit"; firm: number; product: number; day: number }
  | {
      kind: "act";
      application: number;
      /** advance: the next step of the happy path (accept, approve, disburse) */
      action: TransitionInput["action"] | "advance";
      day: number;
      backDays: number;
    }
  | { kind: "lpr"; day: number; rateBp: number }
  /** the bureau marks a day a holiday or a workday (调休), or removes its mark */
  | { kind: "calendar"; day: number; holiday: boolean }
  | { kind: "sla"; days: number };

const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("submit" as const),
      firm: fc.nat(3),
      product: fc.nat(2),
      day: fc.nat(600),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      application: fc.nat(40),
      action: fc.constantFrom(
        "advance",
        "advance",
        "advance",
        "advance",
        "accept",
        "approve",
        "reject",
        "disburse",
        "withdraw",
      ) as fc.Arbitrary<TransitionInput["action"] | "advance">,
      day: fc.nat(600),
      // a disbursement dated up to 200 days back: before the firm's earlier loans, even before the submission
      backDays: fc.nat(200),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("lpr" as const),
      day: fc.nat(600),
      rateBp: fc.integer({ min: 250, max: 400 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("calendar" as const), day: fc.nat(600), holiday: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("sla" as const), days: fc.integer({ min: 1, max: 8 }) }),
  },
);

/** how many events of each kind the property's runs played */
const played = new Map<Event["kind"], number>();

async function play(e: Event) {
  played.set(e.kind, (played.get(e.kind) ?? 0) + 1);
  const at = new Date(T0.getTime() + ("day" in e ? e.day : 0) * DAY);
  switch (e.kind) {
    case "submit": {
      const result = await submitApplication(
        firms[e.firm].actor,
        { productId: products[e.product].id, amountYuan: 500_000, termMonths: 12, purpose: "流动资金" },
        at,
      );
      if (!result.ok && result.error !== "DUPLICATE") throw new Error(`submission refused: ${result.error}`);
      if (result.ok) applications.push({ id: result.id, bank: products[e.product].bank, firm: e.firm });
      return;
    }
    case "act": {
      if (applications.length === 0) return;
      // mostly the newest applications, so that some go all the way to a loan
      const target = applications[Math.max(0, applications.length - 1 - (e.application % 6))];
      const bank = banks[target.bank];
      const inputs: Record<TransitionInput["action"], TransitionInput> = {
        accept: { action: "accept" },
        approve: {
          action: "approve",
          amountYuan: 400_000 + e.day * 100,
          rateBp: 320 + (e.day % 50),
          termMonths: 12,
        },
        reject: { action: "reject", reason: "HIGH_LEVERAGE" },
        disburse: {
          action: "disburse",
          amountYuan: 400_000 + e.backDays * 10,
          rateBp: 330,
          disbursedAt: new Date(at.getTime() - e.backDays * DAY),
          repaymentMethod: "EQUAL_INSTALMENT",
        },
        withdraw: { action: "withdraw" },
        cancel: { action: "cancel", reason: "FIRM_DECLINED" },
      };
      let action = e.action;
      if (action === "advance") {
        const { state } = await db.application.findUniqueOrThrow({ where: { id: target.id } });
        action = state === "SUBMITTED" ? "accept" : state === "ACCEPTED" ? "approve" : "disburse";
      }
      await transitionApplication({
        applicationId: target.id,
        actor: action === "withdraw" ? firms[target.firm].actor : bank,
        input: inputs[action],
        now: at,
      });
      return;
    }
    case "lpr":
      await db.lprRate.upsert({
        where: { effectiveOn: new Date(T0.getTime() + e.day * DAY) },
        update: { rateBp: e.rateBp },
        create: { effectiveOn: new Date(T0.getTime() + e.day * DAY), rateBp: e.rateBp },
      });
      return;
    case "calendar": {
      const date = shanghaiDate(at);
      const removed = await db.calendarOverride.deleteMany({ where: { date } });
      if (removed.count === 0)
        await db.calendarOverride.create({ data: { date, kind: e.holiday ? "HOLIDAY" : "WORKDAY" } });
      return;
    }
    case "sla":
      await db.setting.upsert({
        where: { key: "sla.firstResponseWorkingDays" },
        update: { value: String(e.days) },
        create: { key: "sla.firstResponseWorkingDays", value: String(e.days) },
      });
      return;
  }
}

const FILTERS: Partial<IndicatorFilter>[] = [
  {},
  { whitelist: "yes" },
  { size: "MICRO" },
  { sectionCode: "C" },
];

async function reportsAgree(dimension: IndicatorDimension, filter: Partial<IndicatorFilter>) {
  const options = { dimension, now: NOW };
  const [fromRollups, fromBase] = await Promise.all([
    getIndicatorReport(bureau, { ...PERIOD, ...filter }, { ...options, source: "rollup" }),
    getIndicatorReport(bureau, { ...PERIOD, ...filter }, { ...options, source: "base" }),
  ]);
  expect(fromRollups).toEqual(fromBase);
  const bank = banks[0];
  const [bankRollups, bankBase] = await Promise.all([
    getIndicatorReport(bank, { ...PERIOD, ...filter }, { ...options, source: "rollup" }),
    getIndicatorReport(bank, { ...PERIOD, ...filter }, { ...options, source: "base" }),
  ]);
  expect(bankRollups).toEqual(bankBase);
}

describe("indicator rollups", () => {
  it("stay equal to a recomputation, and the report equal to the base tables', after any sequence of events", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 14 }), async (events) => {
        for (const e of events) await play(e);
        const { problems } = await verifyRollups(db);
        expect(problems).toEqual([]);
        const dimension = INDICATOR_DIMENSIONS[run % INDICATOR_DIMENSIONS.length];
        await reportsAgree(dimension, FILTERS[run % FILTERS.length]);
        run++;
      }),
      { numRuns: 12, seed: 20261206 },
    );
    // the runs built up a history: loans, back-dated ones among them, decisions, open applications
    const states = await db.application.groupBy({ by: ["state"], _count: true });
    expect(states.find((s) => s.state === "DISBURSED")?._count ?? 0).toBeGreaterThan(0);
    expect(await db.indicatorRollup.count({ where: { kind: "LOAN" } })).toBeGreaterThan(0);
    // and the calendar, the SLA and the LPR changed between reports (IndicatorDay rebuilt)
    for (const kind of ["calendar", "sla", "lpr"] as const) expect(played.get(kind) ?? 0).toBeGreaterThan(0);
  }, 600_000); // a dozen runs of up to 14 events, each verified: minutes on a loaded machine

  it("leave emptied slots at zero until the nightly prune drops them, which changes no figure", async () => {
    // the runs above moved applications out of slots (an accepted application leaves "pending")
    const emptied = await db.indicatorRollup.count({ where: { n: 0 } });
    expect(emptied).toBeGreaterThan(0);
    const options = { dimension: "subDistrict" as const, now: NOW, source: "rollup" as const };
    const before = await getIndicatorReport(bureau, PERIOD, options);
    const slots = await db.indicatorRollup.count();
    const outcome = await runJob(pruneRollups, { trigger: "MANUAL" });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", items: emptied });
    expect(await db.indicatorRollup.count({ where: { n: 0 } })).toBe(0);
    expect(await db.indicatorRollup.count()).toBe(slots - emptied);
    expect(await getIndicatorReport(bureau, PERIOD, options)).toEqual(before);
    expect((await verifyRollups(db)).problems).toEqual([]);
  });

  it("are written as literals that keep any quote, and refuse a value a database could read otherwise", async () => {
    const row = (outcome: string): RollupRow => ({
      slot: `TEST|${outcome}`,
      kind: "DECISION",
      cube: 1,
      day: "2026-01-05",
      subDistrictId: "",
      bankId: "",
      sectionCode: "",
      size: "",
      whitelisted: "",
      productType: "",
      borrower: "",
      lagDays: 0,
      pending: true,
      fromOffer: false,
      outcome,
      n: 1,
      amountYuan: 9_007_199_254_740_991,
      amountRate: 0,
      creditYuan: 0,
      inclusiveYuan: 0,
      firstLoans: 0,
    });
    const quoted = "O'Brien'); DELETE FROM \"IndicatorRollup\"; --";
    await applyRollupDeltas(db, [row(quoted)]);
    const stored = await db.indicatorRollup.findUniqueOrThrow({ where: { slot: `TEST|${quoted}` } });
    expect(stored).toMatchObject({ outcome: quoted, pending: true, fromOffer: false, n: 1 });
    expect(stored.amountYuan).toBe(9_007_199_254_740_991n);
    const count = await db.indicatorRollup.count();
    await expect(applyRollupDeltas(db, [row("a\\'b")])).rejects.toThrow(/backslash/);
    await expect(applyRollupDeltas(db, [{ ...row("x"), amountRate: 0.5 }])).rejects.toThrow(/safe integer/);
    expect(await db.indicatorRollup.count()).toBe(count);
    await db.indicatorRollup.delete({ where: { slot: `TEST|${quoted}` } });
  });

  it("shows a difference when a base row changes behind the rollups' back, and the rebuild repairs it", async () => {
    const disbursed = await db.application.findFirstOrThrow({ where: { state: "DISBURSED" } });
    await db.application.update({
      where: { id: disbursed.id },
      data: { disbursedAmountYuan: (disbursed.disbursedAmountYuan ?? 0) + 1 },
    });
    const broken = await verifyRollups(db);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems.every((p) => p.slot.startsWith("LOAN|"))).toBe(true);
    await rebuildRollups(db);
    expect((await verifyRollups(db)).problems).toEqual([]);
    for (const dimension of INDICATOR_DIMENSIONS) await reportsAgree(dimension, {});
  }, 180_000);

  it("are rebuilt the same whatever the size of the rebuild's batches of firms", async () => {
    const firms = await db.enterprise.count();
    expect(firms).toBeGreaterThan(3);
    const whole = await recomputeRollups(db, firms + 1);
    for (const batchSize of [1, 2, 3]) expect(await recomputeRollups(db, batchSize)).toEqual(whole);
    await rebuildRollups(db, { batchSize: 2 });
    expect((await verifyRollups(db)).problems).toEqual([]);
  });
});
