/**
 * The dashboard pages and their exports, as each role and as the wrong user. The figures are
 * worked out by hand from the applications written in beforeAll (working in the comments).
 *
 * March 2026 has no public holiday: working days are Monday–Friday. First-response SLA: 3
 * working days after the submission day.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import type { TableRow } from "~/domain/indicator-table";
import { loader as bankExport } from "~/routes/bank.indicators_.export";
import { loader as bankPage } from "~/routes/bank.indicators";
import { loader as govExport } from "~/routes/gov.indicators_.export";
import { loader as govPage } from "~/routes/gov.indicators";

import {
  createApplication,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
  shanghaiTime,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, sessionCookieFor, statusOf } from "./helpers";

const MARCH = "period=custom&from=2026-03-01&to=2026-03-31";
const APRIL = "period=custom&from=2026-04-01&to=2026-04-30";

let ruyi: { id: string };
let baisha: { id: string };
let bankA: { id: string };
let bankB: { id: string };
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};

beforeAll(async () => {
  ruyi = await createSubDistrict(db, { name: "如意湖测试街道" });
  baisha = await createSubDistrict(db, { name: "白沙测试镇" });
  bankA = await createBank(db, { name: "甲测试银行", nameEn: "Test Bank A" });
  bankB = await createBank(db, { name: "乙测试银行" });
  const evil = await createBank(db, { name: '=HYPERLINK("http://evil.example","点我")' });
  for (const [name, options] of Object.entries({
    bureau: { role: "GOV_BUREAU" },
    office: { role: "GOV_OFFICE", subDistrictId: ruyi.id },
    bank: { role: "BANK", bankId: bankA.id },
    otherBank: { role: "BANK", bankId: bankB.id },
    enterprise: {
      role: "ENTERPRISE",
      enterpriseId: (await createEnterprise(db, { subDistrictId: ruyi.id })).id,
    },
  } as const)) {
    const user = await createUser(db, options);
    users[name] = user.id;
    cookies[name] = await sessionCookieFor(user.id);
  }

  const firmR = await createEnterprise(db, { subDistrictId: ruyi.id });
  const firmB = await createEnterprise(db, { subDistrictId: baisha.id });
  const credit = await createProduct(db, { bankId: bankA.id, type: "CREDIT", guaranteeType: "CREDIT" });
  const mortgage = await createProduct(db, { bankId: bankA.id, type: "MORTGAGE", guaranteeType: "MORTGAGE" });
  const productB = await createProduct(db, { bankId: bankB.id });
  const productEvil = await createProduct(db, { bankId: evil.id });

  // Bank A, 如意湖 firm: answered Mon 2 → Wed 4 (2 working days), approved 6th, 100万 disbursed 10th.
  await createApplication(db, {
    enterpriseId: firmR.id,
    productId: credit.id,
    state: "DISBURSED",
    submittedAt: shanghaiTime("2026-03-02", 10),
    at: {
      accepted: shanghaiTime("2026-03-04", 10),
      approved: shanghaiTime("2026-03-06", 10),
      disbursed: shanghaiTime("2026-03-10", 10),
    },
    amountYuan: 1_000_000,
    disbursed: { amountYuan: 1_000_000 },
  });
  // Bank A, 如意湖 firm: rejected Mon 9 → Mon 16 (5 working days; deadline Thu 12: late).
  await createApplication(db, {
    enterpriseId: firmR.id,
    productId: credit.id,
    state: "REJECTED",
    rejectedFrom: "SUBMITTED",
    reason: "HIGH_LEVERAGE",
    submittedAt: shanghaiTime("2026-03-09", 10),
    at: { rejected: shanghaiTime("2026-03-16", 10) },
  });
  // Bank A, 白沙 firm: answered Mon 2 → Tue 3 (1 working day), approved 5th, 300万 mortgage disbursed 9th.
  await createApplication(db, {
    enterpriseId: firmB.id,
    productId: mortgage.id,
    state: "DISBURSED",
    submittedAt: shanghaiTime("2026-03-02", 11),
    at: {
      accepted: shanghaiTime("2026-03-03", 10),
      approved: shanghaiTime("2026-03-05", 10),
      disbursed: shanghaiTime("2026-03-09", 10),
    },
    amountYuan: 3_000_000,
    disbursed: { amountYuan: 3_000_000 },
  });
  // Bank B, 白沙 firm: never answered, past its deadline (Thu 5).
  await createApplication(db, {
    enterpriseId: firmB.id,
    productId: productB.id,
    submittedAt: shanghaiTime("2026-03-02", 9),
  });
  // April: bank A (如意湖) and the bank with a formula for a name.
  await createApplication(db, {
    enterpriseId: firmR.id,
    productId: credit.id,
    submittedAt: shanghaiTime("2026-04-02", 9),
  });
  await createApplication(db, {
    enterpriseId: firmR.id,
    productId: productEvil.id,
    submittedAt: shanghaiTime("2026-04-03", 9),
  });
});

type Page = {
  role: string;
  errors: Record<string, string>;
  form: Record<string, string>;
  options: { subDistricts: unknown[]; banks: unknown[]; dimensions: string[] };
  total: TableRow;
  monthly: TableRow[];
  breakdown: { dimension: string; rows: TableRow[]; sort: { key: string; dir: string }; page: number };
  reasons: { reason: string; count: number; sharePermille: number | null }[];
  texts: { title: string; definitions: Record<string, string> };
};

const page = async (loader: typeof govPage | typeof bankPage, path: string, cookie: string) =>
  jsonOf<Page>(await call(loader, getRequest(path, { cookie })));
const row = (data: Page, key: string) => data.breakdown.rows.find((r) => r.key === key);
const value = (r: TableRow | undefined, column: keyof TableRow["cells"]) => r?.cells[column].value;

describe("the bureau's dashboard", () => {
  it("breaks March down by bank: the league table, by hand", async () => {
    const data = await page(govPage, `/gov/indicators?${MARCH}&by=bank`, cookies.bureau);
    expect(data.breakdown.dimension).toBe("bank");
    const a = row(data, bankA.id);
    // Bank A: 3 applications; responses in 2, 5, 1 working days → mean 8/3 = 2.7; 2 of 3 on time
    // → 667‰, 1 late; 2 approved, 1 rejected → 667‰; 400万 disbursed, 100万 of it credit → 250‰.
    expect(a?.label).toBe("甲测试银行");
    expect(value(a, "applications")).toBe(3);
    expect(value(a, "avgResponseDays")).toBe(2.7);
    expect(value(a, "responseWithinSla")).toBe(667);
    expect(value(a, "lateResponses")).toBe(1);
    expect(value(a, "approvalRate")).toBe(667);
    expect(value(a, "disbursedYuan")).toBe(4_000_000);
    expect(value(a, "creditShare")).toBe(250);
    // Bank B: 1 application, unanswered past its deadline: 0 of 1 on time, 1 late, nothing decided.
    const b = row(data, bankB.id);
    expect(value(b, "applications")).toBe(1);
    expect(value(b, "responseWithinSla")).toBe(0);
    expect(value(b, "lateResponses")).toBe(1);
    expect(b?.cells.approvalRate).toEqual({ value: null, reason: "noBase" });
    expect(b?.cells.registeredFirms).toEqual({ value: null, reason: "notApplicable" });
    // Most applications first by default.
    expect(data.breakdown.rows.map((r) => r.key)).toEqual([bankA.id, bankB.id]);
    expect(value(data.total, "applications")).toBe(4);
    expect(data.reasons.find((r) => r.reason === "HIGH_LEVERAGE")).toEqual(
      expect.objectContaining({ count: 1, sharePermille: 1000 }),
    );
    expect(data.monthly.map((m) => m.key)).toEqual(["2026-03"]);
    expect(data.options.subDistricts.length).toBeGreaterThanOrEqual(2);
  });

  it("sorts the league table by a column from the URL", async () => {
    const data = await page(
      govPage,
      `/gov/indicators?${MARCH}&by=bank&sort=lateResponses&dir=asc`,
      cookies.bureau,
    );
    expect(data.breakdown.sort).toEqual({ key: "lateResponses", dir: "asc" });
    const bySpeed = await page(
      govPage,
      `/gov/indicators?${MARCH}&by=bank&sort=avgResponseDays&dir=asc`,
      cookies.bureau,
    );
    // Bank B has no response time: last whatever the direction.
    expect(bySpeed.breakdown.rows.map((r) => r.key)).toEqual([bankA.id, bankB.id]);
  });

  it("filters by sub-district", async () => {
    const data = await page(
      govPage,
      `/gov/indicators?${MARCH}&by=bank&subDistrict=${baisha.id}`,
      cookies.bureau,
    );
    // 白沙 firm: one to bank A (the mortgage), one to bank B.
    expect(value(row(data, bankA.id), "applications")).toBe(1);
    expect(value(row(data, bankA.id), "disbursedYuan")).toBe(3_000_000);
    expect(value(data.total, "applications")).toBe(2);
  });

  it("answers bad query values with messages and defaults, never an error", async () => {
    const result = await call(
      govPage,
      getRequest("/gov/indicators?period=forever&by=planet&size=HUGE&section=ZZ&sort=drop&dir=up&page=-4", {
        cookie: cookies.bureau,
      }),
    );
    expect(statusOf(result)).toBe(200);
    const data = await jsonOf<Page>(result);
    expect(Object.keys(data.errors).sort()).toEqual(["by", "period", "section", "size"]);
    expect(data.form.period).toBe("year");
    expect(data.breakdown.dimension).toBe("subDistrict");
    expect(data.breakdown.sort).toEqual({ key: "applications", dir: "desc" });
    expect(data.breakdown.page).toBe(1);
    const reversed = await page(
      govPage,
      "/gov/indicators?period=custom&from=2026-05-01&to=2026-04-01",
      cookies.bureau,
    );
    expect(reversed.errors.from).toBeTruthy();
    expect(reversed.form.period).toBe("year");
  });

  it("sends the definitions in the page's language through the loader", async () => {
    const zh = await page(govPage, "/gov/indicators", cookies.bureau);
    expect(zh.texts.definitions.approvalRate).toContain("批准数");
    const en = await jsonOf<Page>(
      await call(
        govPage,
        getRequest("/gov/indicators", { cookie: cookies.bureau, headers: { "Accept-Language": "en" } }),
      ),
    );
    expect(en.texts.definitions.approvalRate).toContain("Approved ÷");
  });
});

describe("scope as the wrong user", () => {
  it("shows an office its own sub-district only, whatever the URL asks", async () => {
    const data = await page(
      govPage,
      `/gov/indicators?${MARCH}&by=bank&subDistrict=${baisha.id}`,
      cookies.office,
    );
    // 如意湖 firm only: two applications to bank A, none to bank B.
    expect(value(data.total, "applications")).toBe(2);
    expect(value(row(data, bankA.id), "applications")).toBe(2);
    expect(row(data, bankB.id)).toBeUndefined();
    expect(data.options.subDistricts).toEqual([]);
    expect(data.options.dimensions).not.toContain("subDistrict");
  });

  it("shows a bank its own applications only, even when it asks for another bank", async () => {
    const data = await page(bankPage, `/bank/indicators?${MARCH}&bank=${bankB.id}&by=bank`, cookies.bank);
    // by=bank is not a bank's breakdown: back to its first one (sub-district), with a message.
    expect(data.breakdown.dimension).toBe("subDistrict");
    expect(data.errors.by).toBeTruthy();
    // Bank A's 3 applications: 2 from 如意湖, 1 from 白沙; bank B's is not there.
    expect(value(data.total, "applications")).toBe(3);
    expect(value(row(data, ruyi.id), "applications")).toBe(2);
    expect(value(row(data, baisha.id), "applications")).toBe(1);
    // Firms do not belong to a bank.
    expect(data.total.cells.registeredFirms).toEqual({ value: null, reason: "notApplicable" });
    expect(data.options.banks).toEqual([]);
  });

  it("keeps other roles out of each dashboard (404)", async () => {
    for (const [loader, path, cookie] of [
      [govPage, "/gov/indicators", cookies.bank],
      [govPage, "/gov/indicators", cookies.enterprise],
      [bankPage, "/bank/indicators", cookies.office],
      [govExport, "/gov/indicators/export", cookies.bank],
      [bankExport, "/bank/indicators/export", cookies.bureau],
      [bankExport, "/bank/indicators/export", cookies.enterprise],
    ] as const) {
      expect(statusOf(await call(loader, getRequest(path, { cookie }))), path).toBe(404);
    }
    const anonymous = await call(govExport, getRequest("/gov/indicators/export"));
    expect(statusOf(anonymous)).toBe(302);
  });
});

/** The CSV's rows, split naively (the fixture has no commas inside fields). */
async function csvRows(response: Response) {
  const text = await response.text();
  return {
    text,
    rows: text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(",")),
  };
}

describe("exports", () => {
  it("sends the bureau's league table as CSV with a BOM, figures in plain units, and audits it", async () => {
    const before = await db.auditLog.count({ where: { action: "export.indicators" } });
    // The address server.js puts in the load context (a client's own header is not trusted).
    const response = await govExport({
      request: getRequest(`/gov/indicators/export?${MARCH}&by=bank&format=csv`, {
        cookie: cookies.bureau,
        headers: { "X-Forwarded-For": "198.51.100.66" },
      }),
      params: {},
      context: { clientIp: "203.0.113.7" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="indicators-breakdown-2026-03-01_2026-03-31\.csv"/,
    );
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { rows } = await csvRows(response);
    const header = rows[0];
    expect(header[0]).toBe("银行");
    const col = (name: string) => header.indexOf(name);
    const a = rows.find((r) => r[0] === "甲测试银行");
    expect(a?.[col("申请笔数")]).toBe("3");
    expect(a?.[col("放款金额 (元)")]).toBe("4000000");
    expect(a?.[col("对接成功率 (%)")]).toBe("66.7");
    expect(a?.[col("平均响应（工作日）")]).toBe("2.7");
    const b = rows.find((r) => r[0] === "乙测试银行");
    expect(b?.[col("对接成功率 (%)")]).toBe("");
    expect(rows.at(-1)?.[0]).toBe("合计");
    expect(rows.at(-1)?.[col("申请笔数")]).toBe("4");

    const audits = await db.auditLog.findMany({
      where: { action: "export.indicators" },
      orderBy: { at: "desc" },
    });
    expect(audits.length).toBe(before + 1);
    expect(audits[0]).toMatchObject({ actorId: users.bureau, ip: "203.0.113.7" });
    expect(JSON.parse(audits[0].detail)).toMatchObject({
      format: "csv",
      table: "breakdown",
      dimension: "bank",
      filter: { fromDay: "2026-03-01", toDay: "2026-03-31" },
      rows: 3,
    });
  });

  it("neutralises a bank name that a spreadsheet would run as a formula", async () => {
    const response = (await call(
      govExport,
      getRequest(`/gov/indicators/export?${APRIL}&by=bank`, { cookie: cookies.bureau }),
    )) as Response;
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).not.toMatch(/(^|\r\n|,)=HYPERLINK/);
  });

  it("gives a bank its own rows only, whatever it asks for", async () => {
    const response = (await call(
      bankExport,
      getRequest(`/bank/indicators/export?${MARCH}&bank=${bankB.id}&by=bank`, { cookie: cookies.otherBank }),
    )) as Response;
    const { text, rows } = await csvRows(response);
    // Bank B's one application (白沙), never bank A's three.
    expect(rows[0][0]).toBe("乡镇（办事处）");
    expect(rows.map((r) => r[0])).toEqual(["乡镇（办事处）", "白沙测试镇", "合计"]);
    expect(rows.at(-1)?.[rows[0].indexOf("申请笔数")]).toBe("1");
    expect(text).not.toContain("甲测试银行");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "export.indicators", actorId: users.otherBank },
    });
    expect(JSON.parse(audit.detail).filter.bankId).toBe(bankB.id);
  });

  it("gives an office its own sub-district only, whatever it asks for", async () => {
    const response = (await call(
      govExport,
      getRequest(`/gov/indicators/export?${MARCH}&subDistrict=${baisha.id}&by=bank&table=monthly`, {
        cookie: cookies.office,
      }),
    )) as Response;
    const { rows } = await csvRows(response);
    const applications = rows[0].indexOf("申请笔数");
    // Monthly table: March, then the total; 如意湖's two applications, not 白沙's.
    expect(rows.map((r) => r[0])).toEqual(["月份", "2026年3月", "合计"]);
    expect(rows[1][applications]).toBe("2");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "export.indicators", actorId: users.office },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ table: "monthly", filter: { subDistrictId: ruyi.id } });
  });

  it("sends every table of the view as an XLSX workbook", async () => {
    const response = (await call(
      govExport,
      getRequest(`/gov/indicators/export?${MARCH}&by=bank&format=xlsx`, {
        cookie: cookies.bureau,
        headers: { "Accept-Language": "en" },
      }),
    )) as Response;
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Financing indicators",
      "Breakdown",
      "Monthly",
      "Rejection reasons",
      "Invitation funnel",
    ]);
    const sheet = workbook.getWorksheet("Breakdown")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const bankARow = sheet.getRow(2).values as unknown[];
    expect(bankARow[1]).toBe("Test Bank A");
    expect(bankARow[1 + header.indexOf("Applications")]).toBe(3);
    expect(bankARow[1 + header.indexOf("Disbursed (yuan)")]).toBe(4_000_000);
    const reasons = workbook.getWorksheet("Rejection reasons")!;
    const leverage = reasons.getRows(2, 8)!.find((r) => r.getCell(1).value === "High leverage");
    expect(leverage?.getCell(2).value).toBe(1);
    expect(leverage?.getCell(3).value).toBe(100);
    expect(
      JSON.parse(
        (
          await db.auditLog.findFirstOrThrow({
            where: { action: "export.indicators" },
            orderBy: { at: "desc" },
          })
        ).detail,
      ),
    ).toMatchObject({ format: "xlsx", table: "all" });
  });
});
