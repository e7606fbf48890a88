import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, it } from "node:test";

import Database from "better-sqlite3";

import { login, screenshot, startPortal, type Portal } from "./harness";

const NAME = "risk-pool";
let portal: Portal;
let loanId: string;
let number: string;
let claimPath: string;

before(async () => {
  portal = await startPortal(NAME);
  // a filed loan of the demo firm at the demo bank, 120 days past due, not yet claimed
  const made = spawnSync("npx", ["tsx", "tests/e2e/pool-loan.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${portal.databaseFile}` },
    encoding: "utf8",
  });
  if (made.status !== 0) throw new Error(`pool-loan.ts failed:\n${made.stdout}\n${made.stderr}`);
  [loanId, number] = made.stdout.trim().split("\n").pop()!.split(" ");
});
after(async () => {
  await portal?.stop();
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function read<Row>(sql: string, ...args: unknown[]): Row | undefined {
  const db = new Database(portal.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...args) as Row | undefined;
  } finally {
    db.close();
  }
}
const balanceFen = () =>
  BigInt(
    read<{ balanceFen: number | bigint | string }>(`SELECT balanceFen FROM "RiskPool" WHERE id = 'district'`)
      ?.balanceFen ?? 0,
  );
const claimOf = () =>
  read<{ id: string; state: string; computedFen: number | bigint | string }>(
    `SELECT id, state, computedFen FROM "Claim" WHERE loanId = ?`,
    loanId,
  );

describe("the risk-compensation pool", () => {
  it("the bank records a recovery action and files a claim on a loan past the threshold", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.goto(`/bank/loans/${loanId}/claim`);
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "代偿申请" }).waitFor();
    await screenshot(page, "pool-bank-claim-page");

    // no recovery action yet: the claim is refused with the reason, nothing stored
    await page.getByLabel("说明（借款人情况、追偿进展）").fill("借款人停产，多次催收未果");
    await page.getByLabel("材料清单（每行一项）").fill("借款合同\n放款凭证\n催收记录");
    await page.getByRole("button", { name: "申请代偿" }).click();
    await page.getByText("尚未登记追偿措施").first().waitFor();
    assert.equal(
      await page.getByLabel("说明（借款人情况、追偿进展）").inputValue(),
      "借款人停产，多次催收未果",
    );
    assert.equal(claimOf(), undefined);
    await screenshot(page, "pool-bank-claim-refused");

    await page.getByLabel("日期").fill(today());
    await page.getByLabel("措施").selectOption("DEMAND_LETTER");
    await page.getByLabel("情况说明").fill("已发律师函，限期还款");
    await page.getByRole("button", { name: "登记措施" }).click();
    await page.getByText("已发律师函，限期还款").waitFor();

    await page.getByLabel("说明（借款人情况、追偿进展）").fill("借款人停产，多次催收未果");
    await page.getByLabel("材料清单（每行一项）").fill("借款合同\n放款凭证\n催收记录");
    await page.getByRole("button", { name: "申请代偿" }).click();
    await page.waitForURL(/\/bank\/claims\/[a-z0-9]+$/);
    claimPath = new URL(page.url()).pathname;
    await page.getByText("待审核").first().waitFor();
    assert.equal(claimOf()!.state, "FILED");
    await screenshot(page, "pool-bank-claim-filed");
    await page.context().close();
  });

  it("the bureau deposits, approves the claim and pays it from the pool; the balance moves", async () => {
    const page = await portal.newPage();
    await login(page, "bureau");
    await page.goto("/gov/risk-pool");
    await page.getByRole("heading", { level: 1, name: "风险补偿资金池" }).waitFor();
    await screenshot(page, "pool-bureau-overview");
    const start = balanceFen();
    await page.getByLabel("注资金额（万元）").fill("100000");
    await page.getByLabel("拨款文号").fill(`郑东财〔2026〕E2E${Date.now() % 1000}号`);
    await page.getByRole("button", { name: "记入资金池" }).click();
    await page.getByRole("status").filter({ hasText: "注资已入账" }).first().waitFor();
    const afterDeposit = balanceFen();
    assert.ok(afterDeposit > start, "the deposit raised the balance");

    await page.goto("/gov/risk-pool/claims");
    await page
      .getByRole("link", { name: new RegExp(number) })
      .or(page.getByText(number))
      .first()
      .waitFor();
    await screenshot(page, "pool-bureau-queue");

    const claimId = claimPath.split("/").pop();
    await page.goto(`/gov/risk-pool/claims/${claimId}`);
    await page.getByRole("button", { name: "批准", exact: true }).waitFor();
    await screenshot(page, "pool-bureau-claim");
    await page.getByRole("button", { name: "批准", exact: true }).click();
    await page.getByText("已批准并从资金池拨付").waitFor();
    const claim = claimOf();
    assert.equal(claim!.state, "PAID");
    assert.equal(balanceFen(), afterDeposit - BigInt(claim!.computedFen));
    await screenshot(page, "pool-bureau-claim-paid");

    await page.goto("/gov/risk-pool?kind=COMPENSATION");
    const row = page.getByRole("row").filter({ hasText: number });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /-¥480,000\.00/);
    await screenshot(page, "pool-bureau-ledger");
    await page.context().close();
  });

  it("the firm sees its loan is covered by the pool", async () => {
    const page = await portal.newPage();
    await login(page, "enterprise");
    await page.goto(`/enterprise/loans/${loanId}`);
    await page.getByText("已纳入风险补偿").first().waitFor();
    await screenshot(page, "pool-enterprise-loan-covered");
    await page.context().close();
  });
});
