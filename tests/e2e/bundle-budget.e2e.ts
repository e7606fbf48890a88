// The first-load JavaScript budget (issue #16): what a phone on a slow network downloads before a
// page works — the entry, the root and the route's modules with their chunks, and the page
// language's catalogue (Chinese, the larger) — stays at or under 150 KiB gzipped on every page.
// Charts are not counted: they load after the page (app/components/indicators/charts-slot.tsx).
// Runs on the build the browser suite takes (npm run test:e2e builds first).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { firstLoad, routeIds } from "../../scripts/bundle-size.js";

const BUDGET_BYTES = 150 * 1024;

describe("first-load JavaScript", () => {
  it("is at most 150 KiB gzipped on every page", () => {
    const ids = routeIds();
    assert.ok(ids.length > 100, `only ${ids.length} routes in the manifest`);
    const over = ids
      .map((id) => ({ id, bytes: firstLoad(id).bytes }))
      .filter(({ bytes }) => bytes > BUDGET_BYTES)
      .map(({ id, bytes }) => `${id}: ${(bytes / 1024).toFixed(1)} KiB`);
    assert.deepEqual(over, []);
  });
});
