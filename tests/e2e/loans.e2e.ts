import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, it } from "node:test";

import Database from "better-sqlite3";

import { login, screenshot, startPortal, type Portal } from "./harness";

const NAME = "loans";
let portal: Portal;
let loanId: string;

before(async () => {
  portal = await startPortal(NAME);
  // the demo firm's running loan at the demo bank (opened through the models if the seed has none)
  const found = spawnSync("npx", ["tsx", "tests/e2e/demo-loan.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${portal.databaseFile}` },
    encoding: "utf8",
  });
  if (found.status !== 0) throw new Error(`demo-loan.ts failed:\n${found.stdout}\n${found.stderr}`);
  loanId = found.stdout.trim().split("\n").pop() as string;
});
after(async () => {
  await portal?.stop();
});

/** Today in Shanghai, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);

/** A page whose uncaught script errors (a page that breaks once hydrated) are collected. */
async function watchedPage() {
  const page = await portal.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

function loanRow() {
  const db = new Database(portal.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT a.number, l.version, (SELECT COUNT(*) FROM "Repayment" r WHERE r.loanId = l.id) AS repayments
         FROM "Loan" l JOIN "Application" a ON a.id = l.applicationId WHERE l.id = ?`,
      )
      .get(loanId) as { number: string; version: number; repayments: number };
  } finally {
    db.close();
  }
}

describe("loans after the money", () => {
  const reference = `E2E-${Date.now()}`;

  it("the bank finds the loan in its portfolio and reports a repayment; a bad date is refused at its field", async () => {
    const { number, repayments: before } = loanRow();
    const { page, errors } = await watchedPage();
    await login(page, "bank");
    await page.goto("/bank/loans?sort=disbursed&dir=desc");
    await page.getByRole("heading", { level: 1, name: "贷款管理" }).waitFor();
    // the table and its filters, working once the page is live
    await page.getByRole("region", { name: "贷款管理" }).waitFor();
    await page.getByRole("combobox", { name: "逾期天数" }).selectOption("0");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await page.waitForURL(/band=0/);
    await page.getByRole("heading", { level: 1, name: "贷款管理" }).waitFor();
    await screenshot(page, "loans-bank-portfolio");
    await page.goto(`/bank/loans/${loanId}`);
    await page.getByRole("heading", { level: 1, name: `贷款 ${number}` }).waitFor();
    await page.getByRole("heading", { name: "还款计划" }).waitFor();
    await screenshot(page, "loans-bank-loan");

    const form = page.getByRole("form", { name: "登记还款" });
    // a date after today: refused next to the field, the amount kept, nothing stored
    await form.getByLabel("还款日期").fill(tomorrow());
    await form.getByLabel("还款金额").fill("1234.56");
    await form.getByLabel("银行流水号").fill(reference);
    await form.getByRole("button", { name: "登记还款" }).click();
    await form.getByText("还款日期不能晚于今天").waitFor();
    assert.equal(await form.getByLabel("还款金额").inputValue(), "1234.56");
    assert.equal(await form.getByLabel("银行流水号").inputValue(), reference);
    assert.equal(loanRow().repayments, before);
    await screenshot(page, "loans-bank-repayment-error");

    await form.getByLabel("还款日期").fill(today());
    await form.getByRole("button", { name: "登记还款" }).click();
    await page.getByText("还款已登记", { exact: true }).waitFor();
    const repaymentRow = page.getByRole("row").filter({ hasText: reference });
    await repaymentRow.waitFor();
    assert.match(await repaymentRow.innerText(), /¥1,234\.56/);
    assert.equal(loanRow().repayments, before + 1);
    await screenshot(page, "loans-bank-repayment-recorded");
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it("the firm sees the repayment on its loan page", async () => {
    const { number } = loanRow();
    const { page, errors } = await watchedPage();
    await login(page, "enterprise");
    await page.goto("/enterprise/loans");
    await page.getByRole("heading", { level: 1, name: "我的贷款" }).waitFor();
    await screenshot(page, "loans-enterprise-list");
    await page.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { level: 1, name: `贷款 ${number}` }).waitFor();
    const table = page.getByRole("region", { name: "还款记录" });
    await table.waitFor();
    assert.match(await table.innerText(), /¥1,234\.56/);
    // the bank's own reference is the bank's: the firm's page does not show it
    assert.doesNotMatch(await page.locator("main").innerText(), new RegExp(reference));
    await screenshot(page, "loans-enterprise-loan");
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
