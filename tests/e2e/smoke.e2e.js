// Walks the portal as each demo user (and as a visitor), following every link it finds, and
// fails on any server error, browser console error or uncaught exception: a page that renders
// on the server but breaks on hydration is caught here.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { crawl } from "./crawl.js";
import { login, startPortal } from "./harness.js";

let portal;

before(async () => {
  portal = await startPortal("smoke");
});
after(async () => {
  await portal?.stop();
});

describe("every reachable page renders without errors", () => {
  for (const username of [null, "enterprise", "bank", "office", "bureau"]) {
    it(username ? `as ${username}` : "as a visitor", async () => {
      const page = await portal.newPage();
      if (username) await login(page, username);
      const start = username ? new URL(page.url()).pathname : "/";
      const { problems, visited } = await crawl(page, start, { baseUrl: portal.baseUrl });
      assert.ok(visited.length >= 3, `visited ${visited.length} pages`);
      assert.deepEqual(problems, [], problems.join("\n"));
      await page.context().close();
    });
  }

  it("in English too", async () => {
    const page = await portal.newPage({ locale: "en-US" });
    await login(page, "bank");
    const { problems } = await crawl(page, "/bank", { baseUrl: portal.baseUrl });
    assert.deepEqual(problems, [], problems.join("\n"));
    await page.context().close();
  });
});
