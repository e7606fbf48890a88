// Outreach journeys: an office creates and prints an invitation, a new firm opens its link and
// registers with the prefill, the office sees its funnel move; a firm finds the help for applying
// from a product page; the first-visit tour is dismissed for good. Runs against the production build.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { type Page } from "playwright-core";

import { SCREENSHOT_DIR, login, screenshot, startPortal, type Portal } from "./harness";

// a Henan firm the mock registry knows, active, clean and not seeded
const USCC = "91410172MAXYD1005G";
let portal: Portal;

before(async () => {
  portal = await startPortal("outreach");
});
after(async () => {
  await portal?.stop();
});

/** The office's row of the funnel on its home: the count of the step. */
async function funnelCount(page: Page, step: string) {
  const cell = page.getByTestId("funnel").locator(`tbody tr:last-child td[data-step="${step}"] span`).first();
  return Number(await cell.textContent());
}

describe("invitations", () => {
  let link: string;
  let invitationUrl: string;
  let registeredBefore: number;

  it("an office creates an invitation and prints its A4 sheet with the QR code", async () => {
    const page = await portal.newPage();
    await login(page, "office");
    await page.goto("/gov");
    registeredBefore = await funnelCount(page, "registered");
    await page.goto("/gov/invitations");
    await page.getByRole("heading", { level: 1, name: "企业邀请" }).waitFor();
    // bad input first: field messages, nothing created
    await page.getByLabel("统一社会信用代码（可选）").fill("91410172MAXYD1005X");
    await page.getByRole("button", { name: "生成邀请" }).click();
    await page.getByText("统一社会信用代码不正确").waitFor();
    await page.getByText("请填写此项").waitFor();
    assert.equal(
      portal.query<{ n: number }>("SELECT COUNT(*) AS n FROM Invitation WHERE uscc = ?", USCC)[0].n,
      0,
    );

    await page.getByLabel("企业名称").fill("郑州邀请演示科技有限公司");
    await page.getByLabel("统一社会信用代码（可选）").fill(USCC);
    await page.getByLabel("邀请方式").selectOption("VISIT");
    await Promise.all([
      page.waitForURL(/\/gov\/invitations\/[a-z0-9]+$/),
      page.getByRole("button", { name: "生成邀请" }).click(),
    ]);
    invitationUrl = new URL(page.url()).pathname;
    link = await page.getByRole("textbox", { name: "邀请链接" }).inputValue();
    assert.match(link, /\/register\?invite=[A-Za-z0-9_-]{22}$/);
    assert.ok(!link.includes(USCC), "the link carries the code, not the firm's data");
    const sheet = page.getByTestId("invitation-sheet");
    await sheet.locator("svg").first().waitFor();
    await sheet.getByText("郑州邀请演示科技有限公司").waitFor();
    await screenshot(page, "outreach-invitation");
    // what the printer gets: the sheet alone on an A4 page
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: path.join(SCREENSHOT_DIR, "outreach-invitation-sheet.pdf"), format: "A4" });
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, "outreach-invitation-print.png"),
      fullPage: true,
    });
    await page.context().close();
  });

  it("a new firm opens the link and registers with the sub-district and USCC filled in", async () => {
    const page = await portal.newPage();
    await page.goto(link);
    await page.getByTestId("invitation-note").waitFor();
    // the USCC was looked up already: the registry data is shown, the sub-district chosen
    await page.getByTestId("registry").getByText(USCC).waitFor();
    const [office] = portal.query<{ id: string }>(
      "SELECT s.id FROM SubDistrict s JOIN User u ON u.subDistrictId = s.id WHERE u.username = 'office'",
    );
    assert.equal(await page.getByLabel("所属乡（镇）办事处").inputValue(), office.id);
    await screenshot(page, "outreach-register-prefilled");

    await page.getByLabel("联系人", { exact: true }).fill("赵经理");
    await page.getByLabel("联系人手机号").fill("13900001111");
    await page.getByLabel("所属行业（门类）").selectOption("L");
    await page.getByLabel("从业人员（人）").fill("18");
    await page.getByLabel(/上年营业收入/).fill("600");
    await page.getByLabel(/资产总额/).fill("900");
    await page.getByLabel("用户名").fill("invited-firm");
    await page.getByLabel("密码", { exact: true }).fill("Invited#Firm2026");
    await page.getByLabel("确认密码").fill("Invited#Firm2026");
    await page.getByLabel("本企业已阅读并签署上述信用承诺书").check();
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/enterprise"),
      page.getByRole("button", { name: "提交注册" }).click(),
    ]);
    const [row] = portal.query<{ registeredAt: unknown; uscc: string }>(
      "SELECT i.registeredAt, e.uscc FROM Invitation i JOIN Enterprise e ON e.id = i.enterpriseId WHERE e.uscc = ?",
      USCC,
    );
    assert.ok(row?.registeredAt, "the invitation is tied to the new firm");
    await page.context().close();
  });

  it("the office sees its funnel move and the invitation registered", async () => {
    const page = await portal.newPage();
    await login(page, "office");
    await page.goto("/gov");
    assert.equal(await funnelCount(page, "registered"), registeredBefore + 1);
    await page.getByTestId("funnel").scrollIntoViewIfNeeded();
    await screenshot(page, "outreach-office-funnel");
    await page.goto(invitationUrl);
    await page.getByText("已注册", { exact: true }).first().waitFor();
    await page.context().close();
  });
});

describe("help", () => {
  it("a firm finds the help for applying from a product page, and dismisses its tour for good", async () => {
    const page = await portal.newPage();
    await login(page, "enterprise");
    const tour = page.getByTestId("first-visit-tour");
    await tour.waitFor();
    await screenshot(page, "outreach-tour");
    // the page is /enterprise before and after: wait for the tour to go (the POST and its
    // redirect done), not for the URL, or the reload can overtake the dismissal
    await tour.getByRole("button", { name: "知道了，不再显示" }).click();
    await tour.waitFor({ state: "detached" });
    assert.equal(new URL(page.url()).pathname, "/enterprise");
    await page.reload();
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    assert.equal(await page.getByTestId("first-visit-tour").count(), 0);

    await page.goto("/products");
    await page.locator('a[href^="/products/c"]').first().click();
    await page.waitForURL(/\/products\/[a-z0-9]+$/);
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/help/apply"),
      page.getByRole("link", { name: "本页帮助" }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: "申请贷款" }).waitFor();
    await screenshot(page, "outreach-help-apply");
    // searchable: the help centre finds the same guide
    await page.goto("/help?q=授权");
    await page.getByRole("link", { name: "授权银行查看信用画像" }).first().waitFor();
    await page.context().close();
  });

  it("reads the notices and the programme page anonymously, in English too", async () => {
    const page = await portal.newPage({ locale: "en-US" });
    await page.goto("/");
    await page.getByRole("link", { name: "About 信易贷" }).first().click();
    await page.getByRole("heading", { level: 1, name: "What is 信易贷 (credit-easy loans)?" }).waitFor();
    await page.getByRole("heading", { name: "Participating banks and their products" }).waitFor();
    await page.goto("/notices");
    await page.getByRole("link", { name: "郑东新区“信易贷”工作实施方案（2026年）" }).click();
    await page.locator(".markdown h2").first().waitFor();
    await screenshot(page, "outreach-notice");
    const feed = await fetch(`${portal.baseUrl}/notices/feed.xml`);
    assert.equal(feed.headers.get("content-type"), "application/atom+xml; charset=utf-8");
    await page.context().close();
  });
});
