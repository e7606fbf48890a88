import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { login, screenshot, startPortal, type Portal } from "./harness";

let portal: Portal;
before(async () => {
  portal = await startPortal("foundation");
});
after(async () => {
  await portal?.stop();
});

const roles = [
  { username: "enterprise", path: "/enterprise", heading: "企业工作台", role: "企业用户" },
  { username: "bank", path: "/bank", heading: "金融机构工作台", role: "金融机构", org: "郑州银行" },
  {
    username: "office",
    path: "/gov",
    heading: "乡镇办事处工作台",
    role: "乡镇办事处",
    org: "如意湖街道办事处",
  },
  { username: "bureau", path: "/gov", heading: "经济发展局工作台", role: "经济发展局" },
];

describe("the four demo users", () => {
  for (const demo of roles) {
    it(`${demo.username} signs in and lands on ${demo.path}`, async () => {
      const page = await portal.newPage();
      await login(page, demo.username);
      assert.equal(new URL(page.url()).pathname, demo.path);
      await page.getByRole("heading", { level: 1, name: demo.heading }).waitFor();
      const userBox = page.getByTestId("user-box");
      assert.match(await userBox.innerText(), new RegExp(demo.role));
      if (demo.org) assert.match(await userBox.innerText(), new RegExp(demo.org));
      await screenshot(page, `home-${demo.username}-zh`);
      await page.context().close();
    });
  }

  it("a signed-in firm sent to the bank home is redirected to its own", async () => {
    const page = await portal.newPage();
    await login(page, "enterprise");
    await page.goto("/bank");
    assert.equal(new URL(page.url()).pathname, "/enterprise");
    await page.context().close();
  });
});

describe("language", () => {
  it("switches to English and remembers it", async () => {
    const page = await portal.newPage();
    await login(page, "bank");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { level: 1, name: "Bank workspace" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Bank workspace" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await screenshot(page, "home-bank-en");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await page.getByRole("heading", { level: 1, name: "金融机构工作台" }).waitFor();
    await page.context().close();
  });

  it("downloads only the page's own language and works in it after hydration", async () => {
    const page = await portal.newPage({ locale: "en-US" });
    const catalogues: string[] = [];
    page.on("request", (request) => {
      const name = new URL(request.url()).pathname.split("/").pop() as string;
      if (/^(zh-CN|en)-[A-Z0-9]+\.js$/.test(name)) catalogues.push(name.split("-")[0]);
    });
    await login(page, "bank");
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    assert.deepEqual([...new Set(catalogues)], ["en"]);
    // a client-side navigation renders in English from the loaded catalogue
    await page.getByRole("link", { name: "Applications", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Applications" }).waitFor();
    assert.deepEqual([...new Set(catalogues)], ["en"]);
    await page.context().close();
  });

  it("honours Accept-Language on the first visit", async () => {
    const page = await portal.newPage({ locale: "en-US" });
    await page.goto("/");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page
      .getByRole("heading", { level: 1, name: "Zhengdong New District Credit-Easy-Loan Portal" })
      .waitFor();
    await page.context().close();
  });
});

describe("public pages", () => {
  it("the home page shows the headline totals", async () => {
    const page = await portal.newPage();
    await page.goto("/");
    const totals = await page.getByTestId("headline-totals").innerText();
    assert.match(totals, /注册企业\s*\n?\s*[1-9][\d,]*/);
    assert.match(totals, /合作金融机构\s*\n?\s*10/);
    assert.match(totals, /万元/);
    await screenshot(page, "public-home-zh");
    await page.context().close();
  });

  it("the catalogue lists products and filters them", async () => {
    const page = await portal.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto("/products");
    const count = await page.getByText(/^共 \d+ 款产品$/).innerText();
    const total = Number(count.match(/\d+/)![0]);
    assert.ok(total > 0, "some products are published");
    // On a phone the filters fold away behind a toggle
    assert.equal(await page.getByLabel("产品类型").isVisible(), false);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    const toggle = page.getByRole("link", { name: "筛选产品" });
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.click();
    await page.getByLabel("产品类型").waitFor();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(new URL(page.url()).search, "", "once hydrated, the toggle opens in place");
    await page.getByLabel("产品类型").selectOption("CREDIT");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await page.waitForURL(/type=CREDIT/);
    // The URL changes before React has rendered the new list: wait for the count to change.
    const changed = page.getByText(new RegExp(`^共 (?!${total} )\\d+ 款产品$`));
    await changed.waitFor();
    const filtered = Number((await changed.innerText()).match(/\d+/)![0]);
    assert.ok(filtered > 0 && filtered < total, `filter narrows ${total} to ${filtered}`);
    await screenshot(page, "public-products-phone");
    await page.context().close();
  });

  it("the catalogue's filter toggle opens on a phone without JavaScript", async () => {
    const page = await portal.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto("/products?type=CREDIT");
    assert.equal(await page.getByLabel("产品类型").isVisible(), false);
    await page.getByRole("link", { name: /^筛选产品/ }).click();
    await page.waitForURL(/filters=open/);
    assert.equal(await page.getByLabel("产品类型").isVisible(), true);
    assert.equal(await page.getByLabel("产品类型").inputValue(), "CREDIT", "the filter it had is kept");
    await page.getByRole("link", { name: /^筛选产品/ }).click();
    await page.waitForURL((url) => !url.search.includes("filters"));
    assert.equal(await page.getByLabel("产品类型").isVisible(), false);
    // a filter with an error opens them, to show it at its field
    await page.goto("/products?amount=abc");
    assert.equal(await page.getByLabel("需要金额（万元）").isVisible(), true);
    await page.context().close();
  });

  it("an unknown page is a 404 page, not an error", async () => {
    const page = await portal.newPage();
    const response = await page.goto("/no-such-page");
    assert.equal(response!.status(), 404);
    await page.getByRole("heading", { name: "页面不存在" }).waitFor();
    await page.context().close();
  });

  it("/healthz answers ok", async () => {
    const response = await fetch(`${portal.baseUrl}/healthz`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), "ok");
  });
});

describe("the HTTP server", () => {
  it("sends security headers with a per-request CSP nonce", async () => {
    const first = await fetch(`${portal.baseUrl}/`);
    const second = await fetch(`${portal.baseUrl}/`);
    const csp = first.headers.get("content-security-policy") as string;
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.notEqual(csp, second.headers.get("content-security-policy"));
    assert.equal(first.headers.get("x-frame-options"), "DENY");
    assert.equal(first.headers.get("x-content-type-options"), "nosniff");
    assert.equal(first.headers.get("x-powered-by"), null);
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    assert.ok((await first.text()).includes(`nonce="${nonce}"`), "inline scripts carry the nonce");
  });

  it("refuses a cross-site form post", async () => {
    const response = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://evil.example" },
      body: "username=bank&password=Xinyidai%402026",
      redirect: "manual",
    });
    assert.equal(response.status, 403);
  });

  it("refuses an oversized request body", async () => {
    const response = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=" + "x".repeat(2 * 1024 * 1024),
      redirect: "manual",
    });
    assert.equal(response.status, 413);
  });

  it("serves built assets with long-lived caching", async () => {
    const html = await (await fetch(`${portal.baseUrl}/`)).text();
    const asset = html.match(/\/build\/[^"]+\.js/)![0];
    const response = await fetch(`${portal.baseUrl}${asset}`);
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get("cache-control") as string,
      /max-age=31536000.*immutable|immutable.*max-age=31536000/,
    );
  });
});
