// Walks the portal as each demo user (and as a visitor), following every link it finds, and
// fails on any server error, browser console error or uncaught exception: a page that renders
// on the server but breaks on hydration is caught here.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { login, startPortal } from "./harness.js";

const PAGES_PER_ROLE = 60;
let portal;

before(async () => {
  portal = await startPortal("smoke");
});
after(async () => {
  await portal?.stop();
});

/** Links worth following: same site, no side effects, one page per route shape. */
function shapeOf(pathname) {
  return pathname.replace(/\/[a-z0-9]{20,}(?=\/|$)/g, "/:id");
}

async function crawl(page, start) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message.slice(0, 200)}`));
  const queue = [start];
  const seenShapes = new Set();
  const visited = [];
  while (queue.length && visited.length < PAGES_PER_ROLE) {
    const url = queue.shift();
    const shape = shapeOf(new URL(url, portal.baseUrl).pathname);
    if (seenShapes.has(shape)) continue;
    seenShapes.add(shape);
    const response = await page.goto(url);
    visited.push(url);
    const status = response?.status() ?? 0;
    if (status >= 500) problems.push(`${url}: HTTP ${status}`);
    await page.waitForLoadState("networkidle");
    // Download links (exports) would start a download, not a page.
    const hrefs = await page.$$eval("a[href]:not([download])", (links) =>
      links.map((a) => a.getAttribute("href")),
    );
    for (const href of hrefs) {
      if (!href || !href.startsWith("/") || href.startsWith("//")) continue;
      if (href.startsWith("/build/") || href.startsWith("/logout")) continue;
      queue.push(href);
    }
  }
  return { problems, visited };
}

describe("every reachable page renders without errors", () => {
  for (const username of [null, "enterprise", "bank", "office", "bureau"]) {
    it(username ? `as ${username}` : "as a visitor", async () => {
      const page = await portal.newPage();
      if (username) await login(page, username);
      const start = username ? new URL(page.url()).pathname : "/";
      const { problems, visited } = await crawl(page, start);
      assert.ok(visited.length >= 3, `visited ${visited.length} pages`);
      assert.deepEqual(problems, [], problems.join("\n"));
      await page.context().close();
    });
  }

  it("in English too", async () => {
    const page = await portal.newPage({ locale: "en-US" });
    await login(page, "bank");
    const { problems } = await crawl(page, "/bank");
    assert.deepEqual(problems, [], problems.join("\n"));
    await page.context().close();
  });
});
