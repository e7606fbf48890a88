// The indicators dashboard in a browser: filters live in the URL (Back works), definitions open
// from the keyboard, the CSV downloads, recharts is fetched on the dashboard and nowhere else,
// and a phone-width screen scrolls the tables, not the page. Runs against npm run build.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";

import { type Page } from "playwright-core";

import { login, screenshot, startPortal, type Portal } from "./harness";

let portal: Portal;

before(async () => {
  portal = await startPortal("indicators");
});
after(async () => {
  await portal?.stop();
});

/** Records the JavaScript the page downloads; `hasRecharts()` looks for recharts' own code in it. */
function watchScripts(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  return {
    async hasRecharts() {
      const texts = await Promise.all(bodies);
      return texts.some((text) => text.includes("recharts-wrapper"));
    },
    count: () => bodies.length,
  };
}

describe("indicators dashboard", () => {
  it("keeps the view in the URL, explains each figure, exports it and loads the charts", async () => {
    const page = await portal.newPage();
    await login(page, "bureau");
    const scripts = watchScripts(page);
    await page
      .getByRole("navigation", { name: "政府工作区导航" })
      .getByRole("link", { name: "融资指标" })
      .click();
    await page.waitForURL(/\/gov\/indicators$/);
    await page.getByRole("heading", { level: 1, name: "融资指标" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "按乡镇（办事处）分组" }).waitFor();
    // The charts arrive after hydration, in their own chunk.
    await page.locator(".recharts-wrapper").first().waitFor();
    assert.ok(await scripts.hasRecharts(), "the dashboard downloads recharts");
    await screenshot(page, "indicators-bureau");

    // A filter changes the URL (the page says it is updating meanwhile); Back restores the view.
    await page.route(/_data=routes%2Fgov\.indicators/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await page.getByLabel("分组维度").selectOption("bank");
    await page.getByRole("status").filter({ hasText: "正在更新指标…" }).waitFor();
    await page.waitForURL(/[?&]by=bank/);
    await page.unroute(/_data=routes%2Fgov\.indicators/);
    await page.getByRole("heading", { level: 2, name: "银行排行榜" }).waitFor();
    const league = page.getByRole("table", { name: "银行排行榜" });
    assert.ok((await league.getByRole("row").count()) >= 3, "a row per bank and the total");
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("by=bank"));
    await page.getByRole("heading", { level: 2, name: "按乡镇（办事处）分组" }).waitFor();
    assert.equal(await page.getByLabel("分组维度").inputValue(), "subDistrict");

    // The definition opens from the keyboard and closes with Escape, focus back on its button.
    const info = page.getByRole("button", { name: "“对接成功率”的定义" });
    await info.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "对接成功率" });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /批准数 ÷（批准数 \+ 拒绝数）/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await info.evaluate((element) => element === document.activeElement), true);

    // The CSV of the view: UTF-8 with a byte-order mark, the total last.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "分组表 CSV" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^融资指标-分组-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    assert.match(lines[0], /^乡镇（办事处）,注册企业,/);
    assert.match(lines.at(-1)!, /^合计,/);
    await page.context().close();
  });

  it("does not send recharts to the bank's home page, only to its dashboard", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    const scripts = watchScripts(page);
    await page.goto("/bank");
    await page.waitForLoadState("networkidle");
    assert.ok(scripts.count() > 0);
    assert.equal(await scripts.hasRecharts(), false, "the bank home does not download recharts");
    await page
      .getByRole("navigation", { name: "金融机构功能导航" })
      .getByRole("link", { name: "融资指标" })
      .click();
    await page.waitForURL(/\/bank\/indicators$/);
    await page.locator(".recharts-wrapper").first().waitFor();
    assert.ok(await scripts.hasRecharts(), "the bank's dashboard downloads recharts");
    await page.context().close();
  });

  it("fits a 390 px phone: the tables scroll inside their frames, not the page", async () => {
    const page = await portal.newPage({ viewport: { width: 390, height: 844 } });
    await login(page, "office");
    await page.goto("/gov/indicators?by=bank");
    await page.getByRole("heading", { level: 2, name: "银行排行榜" }).waitFor();
    await page.locator(".recharts-wrapper").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const region = page.getByRole("table", { name: "银行排行榜" }).locator("xpath=..");
    const scrollable = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
    assert.ok(scrollable, "the league table scrolls inside its frame");
    await screenshot(page, "indicators-office-390");
    await page.context().close();
  });
});
