// Every page the crawl reaches (tests/e2e/crawl.ts), as each role and in both languages, on a
// 390 px phone: no server error, no browser console error or uncaught exception (a page that
// renders on the server but breaks on hydration is caught here), axe-core's WCAG 2.1 A/AA rules
// find nothing, and no page scrolls sideways. Then a keyboard-only journey (register → apply)
// with a visible focus ring.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";

import type axe from "axe-core";
import { type Page } from "playwright-core";

import { crawl, PAGES_PER_ROLE } from "./crawl";
import { login, screenshot, startPortal, type Portal } from "./harness";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PHONE = { width: 390, height: 844 };

let portal: Portal;
before(async () => {
  portal = await startPortal("a11y");
});
after(async () => {
  await portal?.stop();
});

/** axe-core's violations on the page as it stands, one line per rule and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the page's CSP (script nonces) does not apply
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags: string[]) =>
      // /api/docs: the reference itself is Swagger UI's own rendering (swagger-ui-dist), outside
      // the app's components; the page around it is checked
      (window as unknown as { axe: typeof axe }).axe.run(
        { exclude: [[".swagger-ui"]] },
        { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] },
      ),
    WCAG_TAGS,
  );
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? v.help}`,
    ),
  );
}

/** How far the page scrolls sideways (0 when it fits). */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

function slug(url: string) {
  return (
    new URL(url, "http://x").pathname.replace(/\/[a-z0-9]{20,}/g, "/id").replace(/\W+/g, "-") || "-"
  ).slice(0, 60);
}

const ROLES = [null, "enterprise", "bank", "office", "bureau"];

/**
 * The help articles: one template and the same text for every reader (a link to a page the
 * reader may not open is plain text), checked by the visitor's crawl of the same language. The
 * signed-in crawls check the help index and every page of their own; following the thirty-odd
 * articles in each of them filled half their page budget before the role's own pages (the
 * bureau's administration, a firm's loans) were reached.
 */
const SAME_FOR_EVERY_READER = (pathname: string) => pathname.startsWith("/help/");

// The ten crawls run one after another: together they are the longest part of the browser suite,
// and three at a time (each in its own browser context) took as long — 463 against 441 s alone —
// while taking more of the CPU the integration suites running beside them need. A crawl waits on
// the server, the browser's hydration and axe in turn.
describe(
  "every page the crawl reaches: no errors, WCAG 2.1 A/AA (axe-core), a 390 px phone",
  { concurrency: 1 },
  () => {
    for (const locale of ["zh-CN", "en"]) {
      for (const username of ROLES) {
        const who = username ?? "visitor";
        it(`${who}, ${locale}`, async () => {
          const page = await portal.newPage({ locale: locale === "en" ? "en-US" : "zh-CN", viewport: PHONE });
          if (username) await login(page, username);
          const start = username ? new URL(page.url()).pathname : "/";
          let shots = 0;
          const { problems, visited } = await crawl(page, start, {
            baseUrl: portal.baseUrl,
            skip: username ? SAME_FOR_EVERY_READER : undefined,
            async check(p, url) {
              const found = (await axeViolations(p)).map((line) => `${url}: ${line}`);
              const overflow = await sidewaysOverflow(p);
              if (overflow > 0) found.push(`${url}: scrolls sideways by ${overflow}px at 390 px`);
              if (found.length && shots++ < 5) await screenshot(p, `a11y-${who}-${locale}${slug(url)}`);
              return found;
            },
          });
          assert.ok(visited.length >= 3, `visited ${visited.length} pages`);
          // a crawl cut short at its limit would leave the pages after it unchecked
          assert.ok(
            visited.length < PAGES_PER_ROLE,
            `the crawl stopped at its limit of ${PAGES_PER_ROLE} pages: raise PAGES_PER_ROLE`,
          );
          assert.deepEqual(
            problems,
            [],
            `${problems.length} problems on ${visited.length} pages:\n${problems.join("\n")}`,
          );
          await page.context().close();
        });
      }
    }

    it("the desktop header and the 长辈/大字 mode pass too", async () => {
      const page = await portal.newPage();
      await login(page, "bureau");
      assert.deepEqual(await axeViolations(page), []);
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/gov"),
        page.getByRole("button", { name: "大字模式" }).click(),
      ]);
      await page.waitForFunction(() => document.documentElement.classList.contains("elder"));
      assert.equal(await page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true");
      const body = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector("main p")!);
        return {
          size: parseFloat(style.fontSize),
          height: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        };
      });
      assert.ok(body.size >= 18, `body text ${body.size}px`);
      assert.ok(body.height >= 1.5, `line height ${body.height}`);
      await page.goto("/gov/review");
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, "a11y-elder-gov-review");
      // the cookie is read on the server: a fresh load is already in 大字 mode before any script
      const html = await (await page.request.get("/gov")).text();
      assert.match(html, /<html[^>]*class="elder/);
      await page.context().close();
    });
  },
);

/** What has the keyboard focus, and whether a focus ring shows on it (outline ≥ 2 px). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const label =
      (el as HTMLInputElement).labels?.[0]?.innerText ??
      el.getAttribute("aria-label") ??
      (el as HTMLElement).innerText ??
      "";
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute("name"),
      text: label.trim().slice(0, 40),
      ring:
        style.outlineStyle !== "none" &&
        parseFloat(style.outlineWidth) >= 2 &&
        style.outlineColor !== "rgba(0, 0, 0, 0)" &&
        box.width > 0 &&
        box.height > 0,
    };
  });
}

/**
 * Presses Tab until the focused element matches (id, name or its label's text), checking on
 * every stop that the focus ring shows. Fails after `max` presses.
 */
async function tabTo(
  page: Page,
  want: string | RegExp,
  { max = 60, back = false }: { max?: number; back?: boolean } = {},
) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (!f) continue;
    seen.push(f.id || f.name || f.text);
    assert.ok(f.ring, `no visible focus ring on ${f.tag}#${f.id} "${f.text}"`);
    const hit = typeof want === "string" ? f.id === want || f.name === want : want.test(f.text);
    if (hit) return f;
  }
  assert.fail(`${String(want)} not reached by Tab; focus went through: ${seen.join(" | ")}`);
}

/** A <select> chosen with the arrow keys until its value is `value`. */
async function arrowSelect(page: Page, value: string) {
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) === value) return;
    await page.keyboard.press("ArrowDown");
  }
  assert.fail(`option ${value} not reached with the arrow keys`);
}

async function typeInto(page: Page, field: string | RegExp, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

describe("keyboard only", () => {
  it("registers a firm and applies for a loan without a mouse, the focus always visible", async () => {
    const page = await portal.newPage();
    await page.goto("/register");
    // the first Tab reaches the skip link, which shows itself and jumps past the header
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    assert.equal(skip!.tag, "a");
    assert.ok(skip!.ring, "the skip link shows a focus ring");
    assert.ok(
      await page.getByRole("link", { name: "跳到主要内容" }).isVisible(),
      "the skip link is visible when focused",
    );
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement!.id), "main");

    await typeInto(page, "uscc", "91410100MAXYD1007D");
    await page.keyboard.press("Enter");
    await page.getByTestId("registry").getByText("河南永升建筑工程有限公司").waitFor();
    await screenshot(page, "keyboard-register-registry");
    await page.evaluate(() => document.getElementById("main")!.focus());
    await typeInto(page, "contactName", "李经理");
    await typeInto(page, "contactMobile", "13912345678");
    await tabTo(page, "sectionCode");
    await arrowSelect(page, "E");
    await tabTo(page, "subDistrictId");
    await page.keyboard.press("ArrowDown");
    await typeInto(page, "employees", "120");
    await typeInto(page, "revenueWan", "9000");
    await typeInto(page, "totalAssetsWan", "12000");
    await typeInto(page, "username", "yongsheng-kbd");
    await typeInto(page, "password", "Yongsheng#2026");
    await typeInto(page, "confirmPassword", "Yongsheng#2026");
    await tabTo(page, "commitment");
    await page.keyboard.press("Space");
    await screenshot(page, "keyboard-register-filled");
    await tabTo(page, /^提交注册$/);
    await Promise.all([page.waitForURL("**/enterprise"), page.keyboard.press("Enter")]);
    await page.getByRole("heading", { level: 1, name: "企业工作台" }).waitFor();

    // authorise the banks the application needs, then apply to an eligible product
    await page.goto("/products?type=CREDIT&amount=100&term=12");
    const links = await page
      .locator("article h3 a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    let applied = false;
    for (const href of links) {
      await page.goto(href!);
      if (!(await page.getByText("本企业符合该产品的申请条件").isVisible())) continue;
      await page.evaluate(() => document.getElementById("main")!.focus());
      await typeInto(page, /^申请金额（万元）/, "100");
      await typeInto(page, /^期限（月）/, "12");
      await typeInto(page, /^资金用途/, "采购施工设备");
      await tabTo(page, /同意在申请办理期间/);
      await page.keyboard.press("Space");
      await screenshot(page, "keyboard-apply-filled");
      await tabTo(page, /^提交申请$/);
      await Promise.all([page.waitForURL(/\/enterprise\/applications\/c/), page.keyboard.press("Enter")]);
      applied = true;
      break;
    }
    assert.ok(applied, "the new firm is eligible for at least one product");
    await page.getByText(/申请 XYD-\d{8}-\d{4} 已提交/).waitFor();
    await screenshot(page, "keyboard-applied");
    await page.context().close();
  });
});
