// The banks' alert desk (贷后预警): listing, filters, the acknowledgement and its refusals, and
// what the firm and the government see of the same alerts.
import { beforeAll, describe, expect, it } from "vitest";

import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { getIndicatorReport } from "~/models/indicators.server";
import { action as ackAction, loader as alertLoader } from "~/routes/bank.alerts.$id/route";
import { loader as listLoader } from "~/routes/bank.alerts._index";
import { loader as ownLoader } from "~/routes/enterprise.alerts";
import { loader as govLoader } from "~/routes/gov.alerts";

import {
  createBank,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
  createWhitelistBatch,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import { plantAlert } from "./support/credit-alert-rows";

const HOUR = 3_600_000;
let bankCookie: string;
let otherBankCookie: string;
let firmCookie: string;
let officeCookie: string;
let otherOfficeCookie: string;
let bureauCookie: string;
let ids: { open: string; overdue: string; acknowledged: string; foreign: string; other: string };
let firmId: string;
let bankIds: { bank: string; other: string };
let bureauId: string;

beforeAll(async () => {
  const sd = await createSubDistrict(db);
  const sd2 = await createSubDistrict(db);
  const bank = await createBank(db);
  const otherBank = await createBank(db);
  const firm = await createRegisteredEnterprise(db, { subDistrictId: sd.id, name: "预警测试科技有限公司" });
  const plain = await createRegisteredEnterprise(db, {
    subDistrictId: sd.id,
    name: "未入白名单商贸有限公司",
  });
  firmId = firm.enterprise.id;
  bankIds = { bank: bank.id, other: otherBank.id };
  const officer = await createUser(db, { role: "BANK", bankId: bank.id, displayName: "李客户经理" });
  const bureau = await createUser(db, { role: "GOV_BUREAU" });
  bankCookie = await sessionCookieFor(officer.id);
  otherBankCookie = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: otherBank.id })).id);
  firmCookie = await sessionCookieFor(firm.user.id);
  officeCookie = await sessionCookieFor(
    (await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd.id })).id,
  );
  otherOfficeCookie = await sessionCookieFor(
    (await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd2.id })).id,
  );
  bureauCookie = await sessionCookieFor(bureau.id);
  bureauId = bureau.id;
  await createWhitelistBatch(db, { approvedById: bureau.id, entries: [firm.enterprise.id] });

  const now = Date.now();
  const open = await plantAlert({ enterpriseId: firmId, bankId: bank.id, decisionNo: "ZQXOPEN-1" });
  const overdue = await plantAlert({
    enterpriseId: firmId,
    bankId: bank.id,
    kind: "DISHONESTY",
    decisionNo: "ZQXOVERDUE-1",
    detectedAt: new Date(now - 100 * HOUR),
    dueAt: new Date(now - HOUR),
  });
  const acknowledged = await plantAlert({
    enterpriseId: firmId,
    bankId: bank.id,
    decisionNo: "ZQXACK-1",
    acknowledgedAt: new Date(now - 2 * HOUR),
    action: "CONTACTED",
    actionNote: "ZQXNOTE 已电话联系财务负责人",
  });
  // the same change told to another bank: the firm sees it once, with two banks told
  const foreign = await plantAlert({ enterpriseId: firmId, bankId: otherBank.id, decisionNo: "ZQXOPEN-1" });
  const other = await plantAlert({
    enterpriseId: plain.enterprise.id,
    bankId: bank.id,
    decisionNo: "ZQXPLAIN-1",
  });
  ids = {
    open: open.id,
    overdue: overdue.id,
    acknowledged: acknowledged.id,
    foreign: foreign.id,
    other: other.id,
  };
});

type List = { alerts: { id: string; standing: string }[]; total: number; open: number; overdue: number };

async function list(query = "", cookie = bankCookie) {
  const result = await call(listLoader, getRequest(`/bank/alerts${query}`, { cookie }));
  expect(statusOf(result)).toBe(200);
  return jsonOf<List>(result);
}

async function snapshot() {
  return db.creditAlert.findMany({ orderBy: { id: "asc" } });
}

describe("the bank's list", () => {
  it("shows the bank's own alerts only, with where each stands", async () => {
    const page = await list();
    expect(page.alerts.map((a) => a.id).sort()).toEqual(
      [ids.open, ids.overdue, ids.acknowledged, ids.other].sort(),
    );
    expect(page.open).toBe(3);
    expect(page.overdue).toBe(1);
    const standing = Object.fromEntries(page.alerts.map((a) => [a.id, a.standing]));
    expect(standing[ids.overdue]).toBe("OVERDUE");
    expect(standing[ids.open]).toBe("OPEN");
    expect(standing[ids.acknowledged]).toBe("ACKNOWLEDGED");
  });

  it("filters open, overdue and acknowledged ones, by kind and by firm", async () => {
    expect((await list("?status=open")).total).toBe(3);
    expect((await list("?status=overdue")).alerts.map((a) => a.id)).toEqual([ids.overdue]);
    expect((await list("?status=acknowledged")).alerts.map((a) => a.id)).toEqual([ids.acknowledged]);
    expect((await list("?kind=DISHONESTY")).alerts.map((a) => a.id)).toEqual([ids.overdue]);
    expect((await list(`?q=${encodeURIComponent("未入白名单")}`)).alerts.map((a) => a.id)).toEqual([
      ids.other,
    ]);
    // an unknown filter value is ignored, never a 500
    expect((await list("?status=<script>&kind=x&sort=nope&page=-3")).total).toBe(4);
  });

  it("sorts by deadline both ways", async () => {
    const asc = await list("?sort=dueAt&dir=asc");
    expect(asc.alerts[0].id).toBe(ids.overdue);
    const desc = await list("?sort=dueAt&dir=desc");
    expect(desc.alerts.at(-1)?.id).toBe(ids.overdue);
  });

  it("pages 20 at a time", async () => {
    const bank = await db.creditAlert.findUniqueOrThrow({
      where: { id: ids.open },
      select: { bankId: true },
    });
    for (let i = 0; i < 20; i++)
      await plantAlert({ enterpriseId: firmId, bankId: bank.bankId, decisionNo: `PAGE-${i}` });
    const first = await list("?page=1");
    const second = await list("?page=2");
    expect(first.alerts).toHaveLength(20);
    expect(second.alerts).toHaveLength(4);
    expect(first.total).toBe(24);
    await db.creditAlert.deleteMany({ where: { changeKey: { startsWith: "penalty:PAGE-" } } });
  });
});

describe("one alert", () => {
  it("opens for its bank and is a 404 for another bank", async () => {
    const own = await call(alertLoader, getRequest(`/bank/alerts/${ids.open}`, { cookie: bankCookie }), {
      id: ids.open,
    });
    expect(statusOf(own)).toBe(200);
    const foreign = await call(
      alertLoader,
      getRequest(`/bank/alerts/${ids.open}`, { cookie: otherBankCookie }),
      {
        id: ids.open,
      },
    );
    expect(statusOf(foreign)).toBe(404);
    const none = await call(alertLoader, getRequest("/bank/alerts/nosuchalert", { cookie: bankCookie }), {
      id: "nosuchalert",
    });
    expect(statusOf(none)).toBe(404);
  });
});

describe("acknowledging", () => {
  const post = (id: string, form: Record<string, string>, cookie = bankCookie) =>
    call(ackAction, postRequest(`/bank/alerts/${id}`, form, { cookie }), { id });

  it("refuses OTHER without a note, an unknown action and a note too long — and changes nothing", async () => {
    const before = await snapshot();
    const other = await post(ids.open, { action: "OTHER", note: "  " });
    expect(statusOf(other)).toBe(400);
    expect(await jsonOf(other)).toMatchObject({
      errors: { note: { key: "alerts.errors.noteRequired" } },
      values: { action: "OTHER" },
    });
    const unknown = await post(ids.open, { action: "IGNORED", note: "x" });
    expect(statusOf(unknown)).toBe(400);
    expect(await jsonOf(unknown)).toMatchObject({ errors: { action: {} } });
    const long = await post(ids.open, { action: "NONE", note: "长".repeat(501) });
    expect(statusOf(long)).toBe(400);
    expect(await jsonOf(long)).toMatchObject({ errors: { note: {} } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another bank's alert with a 404 and changes nothing", async () => {
    const before = await snapshot();
    const result = await post(ids.open, { action: "NONE", note: "" }, otherBankCookie);
    expect(statusOf(result)).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("records the action, who and when; late after the deadline; audited", async () => {
    const result = await post(ids.overdue, { action: "OTHER", note: "已要求企业补充说明 <b>情况</b>" });
    expect(statusOf(result)).toBe(302);
    const row = await db.creditAlert.findUniqueOrThrow({ where: { id: ids.overdue } });
    expect(row).toMatchObject({ action: "OTHER", actionNote: "已要求企业补充说明 <b>情况</b>" });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.acknowledgedById).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "alert.acknowledge", targetId: ids.overdue },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ action: "OTHER", late: true });
    const page = await list("?status=overdue");
    expect(page.total).toBe(0);
    const detail = await jsonOf<{ alert: { standing: string } }>(
      await call(alertLoader, getRequest(`/bank/alerts/${ids.overdue}`, { cookie: bankCookie }), {
        id: ids.overdue,
      }),
    );
    expect(detail.alert.standing).toBe("LATE");
  });

  it("refuses a second acknowledgement (409) and keeps the first", async () => {
    const before = await snapshot();
    const again = await post(ids.acknowledged, { action: "RECALLED", note: "" });
    expect(statusOf(again)).toBe(409);
    expect(await jsonOf(again)).toMatchObject({ errors: { _form: { key: "alerts.errors.already" } } });
    expect(await snapshot()).toEqual(before);
  });

  it("two officers at once: one acknowledgement is kept", async () => {
    const results = await Promise.all([
      post(ids.other, { action: "CONTACTED", note: "" }),
      post(ids.other, { action: "LIMIT_ADJUSTED", note: "" }),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 409]);
    expect(await db.auditLog.count({ where: { action: "alert.acknowledge", targetId: ids.other } })).toBe(1);
  });
});

describe("what the firm sees", () => {
  it("each change once, how many banks were told, and a link to object to the record", async () => {
    const result = await call(ownLoader, getRequest("/enterprise/alerts", { cookie: firmCookie }));
    expect(statusOf(result)).toBe(200);
    const { changes } = await jsonOf<{
      changes: { changeKey: string; banks: number; objectLink: string | null }[];
    }>(result);
    const open = changes.find((c) => c.changeKey === "penalty:ZQXOPEN-1");
    expect(open?.banks).toBe(2);
    expect(open?.objectLink).toBe(
      `/enterprise/credit?record=${encodeURIComponent("penalties::ZQXOPEN-1")}#objection`,
    );
    // the banks' notes are not the firm's to read
    expect(JSON.stringify(changes)).not.toContain("ZQXNOTE");
    expect(changes.some((c) => c.changeKey === "penalty:ZQXPLAIN-1")).toBe(false);
  });
});

describe("what the government sees", () => {
  type GovList = { alerts: { id: string }[]; total: number };
  const gov = async (cookie: string, query = "") => {
    const result = await call(govLoader, getRequest(`/gov/alerts${query}`, { cookie }));
    expect(statusOf(result)).toBe(200);
    return jsonOf<GovList>(result);
  };

  it("the office: alerts on its whitelist firms only, in summary", async () => {
    const page = await gov(officeCookie);
    expect(page.alerts.map((a) => a.id).sort()).toEqual(
      [ids.open, ids.overdue, ids.acknowledged, ids.foreign].sort(),
    );
    const body = JSON.stringify(page);
    expect(body).not.toContain("ZQXNOTE");
    expect(body).not.toContain("ZQXOPEN-1"); // no detail either: kind, firm, bank, dates
    expect((await gov(otherOfficeCookie)).total).toBe(0);
  });

  it("the bureau: every alert, filtered like the bank's list", async () => {
    expect((await gov(bureauCookie)).total).toBe(5);
    expect((await gov(bureauCookie, "?status=acknowledged")).total).toBeGreaterThanOrEqual(1);
  });
});

describe("late acknowledgements in the league table", () => {
  it("count per bank the alerts acknowledged after their deadline or still unanswered past it", async () => {
    const today = shanghaiDate(new Date());
    const report = await getIndicatorReport(
      { id: bureauId, role: "GOV_BUREAU" } as Parameters<typeof getIndicatorReport>[0],
      { fromDay: addDays(today, -10), toDay: addDays(today, 10) },
      { dimension: "bank" },
    );
    const row = (bankId: string) => report.breakdown.rows.find((r) => r.key === bankId)?.values;
    // the overdue alert acknowledged late; the two acknowledged in time; the open one not yet due
    expect(row(bankIds.bank)).toMatchObject({ alertsDue: 3, lateAlertAcks: 1 });
    // the other bank's alert is neither acknowledged nor past its deadline: not due yet
    expect(row(bankIds.other)?.alertsDue ?? 0).toBe(0);
    expect(report.totals.lateAlertAcks).toBe(1);
    // an unanswered alert past its deadline counts as late too
    await plantAlert({
      enterpriseId: firmId,
      bankId: bankIds.other,
      decisionNo: "ZQXLATE-2",
      detectedAt: new Date(Date.now() - 120 * HOUR),
      dueAt: new Date(Date.now() - 2 * HOUR),
    });
    const again = await getIndicatorReport(
      { id: bureauId, role: "GOV_BUREAU" } as Parameters<typeof getIndicatorReport>[0],
      { fromDay: addDays(today, -10), toDay: addDays(today, 10) },
      { dimension: "bank" },
    );
    expect(again.breakdown.rows.find((r) => r.key === bankIds.other)?.values).toMatchObject({
      alertsDue: 1,
      lateAlertAcks: 1,
    });
  });
});
