import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";

import Database from "better-sqlite3";

import { login, screenshot, startPortal, type Portal } from "./harness";

const NAME = "alerts";
let portal: Portal;
let alertId: string;
let firmName: string;

function portalDb(options: Database.Options = {}) {
  return new Database(portal.databaseFile, {
    fileMustExist: true,
    ...options,
  });
}

/** A DateTime column value in the format the portal's own rows use (the seed wrote User.createdAt). */
function dateValue(db: Database.Database, date: Date) {
  const sample = (db.prepare(`SELECT "createdAt" AS v FROM "User" LIMIT 1`).get() as { v: unknown }).v;
  if (typeof sample === "number" || typeof sample === "bigint") return date.getTime();
  const iso = date.toISOString();
  return String(sample).endsWith("+00:00") ? iso.replace("Z", "+00:00") : iso;
}

before(async () => {
  portal = await startPortal(NAME);
  // An overdue credit alert for the demo bank on a firm it may see, as the nightly refresh writes
  // one (app/models/credit-alert.server.ts), so the test does not depend on the seed's demo alerts.
  const db = portalDb();
  try {
    db.pragma("busy_timeout = 5000");
    const { bankId } = db.prepare(`SELECT "bankId" FROM "User" WHERE "username" = 'bank'`).get() as {
      bankId: string;
    };
    const firm = db
      .prepare(
        `SELECT e."id", e."name" FROM "Authorization" a JOIN "Enterprise" e ON e."id" = a."enterpriseId"
          WHERE a."bankId" = ? AND a."revokedAt" IS NULL ORDER BY e."name" LIMIT 1`,
      )
      .get(bankId) as { id: string; name: string };
    firmName = firm.name;
    alertId = `ce2e${randomBytes(10).toString("hex")}`;
    const now = Date.now();
    db.prepare(
      `INSERT INTO "CreditAlert" ("id", "enterpriseId", "bankId", "kind", "changeKey", "detail", "source",
         "recordKey", "basis", "detectedAt", "dueAt")
       VALUES (?, ?, ?, 'PENALTY', ?, ?, 'penalties', ?, 'AUTHORIZATION', ?, ?)`,
    ).run(
      alertId,
      firm.id,
      bankId,
      "penalty:郑东市监罚〔2026〕E2E号",
      JSON.stringify({ decisionNo: "郑东市监罚〔2026〕E2E号", authority: "郑州市郑东新区市场监督管理局" }),
      "郑东市监罚〔2026〕E2E号",
      dateValue(db, new Date(now - 5 * 86_400_000)),
      dateValue(db, new Date(now - 3_600_000)),
    );
  } finally {
    db.close();
  }
});
after(async () => {
  await portal?.stop();
});

describe("the bank's credit alerts", () => {
  it("lists the overdue alert and acknowledges it with the action taken", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.goto("/bank/alerts?status=overdue");
    await page.getByRole("heading", { level: 1, name: "贷后预警" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: firmName }).filter({ hasText: "逾期未确认" }).first();
    await row.waitFor();
    await screenshot(page, "alerts-bank-list");

    await page.goto(`/bank/alerts/${alertId}`);
    await page.getByRole("heading", { level: 1, name: /预警详情/ }).waitFor();
    assert.match(await page.locator("main").innerText(), /郑东市监罚〔2026〕E2E号/);
    // "other" without a note: the server's message next to the field, nothing stored
    await page.getByLabel("采取的措施").selectOption("OTHER");
    await page.getByRole("button", { name: "确认预警" }).click();
    await page.getByText("选择“其他”时请说明采取的措施").waitFor();
    await screenshot(page, "alerts-bank-acknowledge-error");

    await page.getByLabel("说明", { exact: true }).fill("已约谈企业负责人，要求 10 日内提交整改说明");
    await page.getByRole("button", { name: "确认预警" }).click();
    await page.getByText(/已于 .+ 由 .+ 确认/).waitFor();
    await page.getByText("逾期确认").first().waitFor();
    await screenshot(page, "alerts-bank-acknowledged");

    const db = portalDb({ readonly: true });
    try {
      const row = db
        .prepare(`SELECT "action", "actionNote", "acknowledgedAt" FROM "CreditAlert" WHERE "id" = ?`)
        .get(alertId) as { action: string; actionNote: string; acknowledgedAt: unknown };
      assert.equal(row.action, "OTHER");
      assert.equal(row.actionNote, "已约谈企业负责人，要求 10 日内提交整改说明");
      assert.ok(row.acknowledgedAt);
      const audit = db
        .prepare(
          `SELECT COUNT(*) AS n FROM "AuditLog" WHERE "action" = 'alert.acknowledge' AND "targetId" = ?`,
        )
        .get(alertId) as { n: number };
      assert.equal(audit.n, 1);
    } finally {
      db.close();
    }
    await page.context().close();
  });
});
