import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import Database from "better-sqlite3";

import { login, screenshot, startPortal, type Portal } from "./harness";

const NAME = "bank";
let portal: Portal;
before(async () => {
  portal = await startPortal(NAME);
});
after(async () => {
  await portal?.stop();
});

/** The portal's own database file (see harness.ts), read-only, for checks the UI does not show. */
function portalDb() {
  return new Database(portal.databaseFile, {
    readonly: true,
    fileMustExist: true,
  });
}

describe("the demo bank officer", () => {
  it("sees the figures and the most urgent applications on the home page", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.getByRole("heading", { level: 1, name: "金融机构工作台" }).waitFor();
    const figures = await page.getByTestId("bank-figures").innerText();
    assert.match(figures, /平均响应时间/);
    assert.match(figures, /审批通过率\s*\n?\s*\d+(\.\d)?%/);
    await page.getByRole("heading", { name: "最紧急的申请" }).waitFor();
    await screenshot(page, "bank-home-zh");
    await page.context().close();
  });

  it("opens a candidate's credit profile with a purpose, and the view is logged", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.goto("/bank/candidates");
    await page.getByRole("heading", { level: 1, name: "企业库" }).waitFor();
    await screenshot(page, "bank-candidates");
    // A firm with a FULL authorisation: its row shows the credit summary.
    const row = page.getByRole("row").filter({ hasText: "完整信用画像" }).first();
    const firmName = (await row.getByRole("link").first().innerText()).trim();
    await row.getByRole("link").first().click();
    await page.getByLabel("查询用途").selectOption("IN_LOAN");
    await page.getByRole("button", { name: "查看" }).click();
    await page.getByTestId("access-logged").waitFor();
    assert.match(await page.getByTestId("access-logged").innerText(), /贷中审查/);
    await page.getByRole("heading", { name: "信用画像" }).waitFor();
    await screenshot(page, "bank-candidate-profile");

    const db = portalDb();
    try {
      const last = db
        .prepare(
          `SELECT l.scope, l.purpose, e.name AS firm, u.username FROM "AccessLog" l
           JOIN "Enterprise" e ON e.id = l.enterpriseId JOIN "User" u ON u.id = l.userId
           ORDER BY l.at DESC LIMIT 1`,
        )
        .get();
      assert.deepEqual(last, { scope: "FULL", purpose: "IN_LOAN", firm: firmName, username: "bank" });
    } finally {
      db.close();
    }
    await page.context().close();
  });

  it("accepts, approves and disburses an application", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.goto("/bank/applications?state=SUBMITTED");
    await page.getByRole("heading", { level: 1, name: "申请处理" }).waitFor();
    await screenshot(page, "bank-inbox");
    await page.locator("tbody tr").first().getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: /^融资申请 XYD-/ }).waitFor();
    const number = (await page.getByRole("heading", { level: 1 }).innerText())
      .replace("融资申请 ", "")
      .trim();
    await screenshot(page, "bank-decision-submitted");

    await page.getByRole("button", { name: "受理" }).click();
    await page.getByText(`已受理申请 ${number}`).waitFor();

    // A bad amount comes back next to its field, the input kept.
    await page.getByLabel("审批金额（万元）").fill("9999");
    await page.getByRole("button", { name: "审批通过" }).click();
    await page.getByText(/金额须在 .* 万元之间/).waitFor();
    assert.equal(await page.getByLabel("审批金额（万元）").inputValue(), "9999");
    await screenshot(page, "bank-decision-approve-error");
    // the product's smallest amount: within what any application to it asks for
    await page.getByLabel("审批金额（万元）").fill("10");
    await page.getByRole("button", { name: "审批通过" }).click();
    await page.getByText(`申请 ${number} 已审批通过`).waitFor();

    await page.getByRole("button", { name: "确认放款" }).click();
    await page.getByText(`申请 ${number} 已确认放款`).waitFor();
    await page.getByText("此申请已办结，无需操作。").waitFor();
    await screenshot(page, "bank-decision-disbursed");

    const db = portalDb();
    try {
      const row = db
        .prepare(`SELECT state, approvedAmountYuan, disbursedAmountYuan FROM "Application" WHERE number = ?`)
        .get(number);
      assert.deepEqual(row, {
        state: "DISBURSED",
        approvedAmountYuan: 100_000,
        disbursedAmountYuan: 100_000,
      });
      const events = db
        .prepare(
          `SELECT toState FROM "ApplicationEvent" ev JOIN "Application" a ON a.id = ev.applicationId WHERE a.number = ? ORDER BY ev.at`,
        )
        .all(number)
        .map((e) => (e as { toState: string }).toState);
      assert.deepEqual(events, ["SUBMITTED", "ACCEPTED", "APPROVED", "DISBURSED"]);
    } finally {
      db.close();
    }
    await page.context().close();
  });

  it("manages products and answers demands (phone width)", async () => {
    const page = await portal.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, "bank");
    await page.goto("/bank/products/new");
    await page.getByLabel("产品名称").fill("测试新产品");
    await page.getByLabel("产品类型").selectOption("CREDIT");
    await page.getByLabel("担保方式").selectOption("CREDIT");
    await page.getByLabel("最低额度（万元）").fill("500");
    await page.getByLabel("最高额度（万元）").fill("100");
    await page.getByLabel("最短期限（月）").fill("6");
    await page.getByLabel("最长期限（月）").fill("36");
    await page.getByLabel("最低年利率（%）").fill("3.5");
    await page.getByLabel("最高年利率（%）").fill("6");
    await page.getByRole("button", { name: "保存为草稿" }).click();
    await page.getByText("上限不能小于下限").waitFor();
    await screenshot(page, "bank-product-form-error-phone");
    await page.getByLabel("最高额度（万元）").fill("1000");
    await page.getByRole("button", { name: "保存为草稿" }).click();
    await page.getByText("产品已保存为草稿", { exact: true }).waitFor();
    await page.getByRole("button", { name: "发布" }).click();
    await page.getByText("产品已发布", { exact: true }).waitFor();
    await page.goto("/bank/offers");
    await page.getByRole("heading", { level: 1, name: "需求响应" }).waitFor();
    await screenshot(page, "bank-offers-phone");
    await page.context().close();
  });
});
