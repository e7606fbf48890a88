// The first-load JavaScript budget (issue #16): what a phone on a slow network downloads before a
// page works — the entry, the root and the route's modules with their chunks, and the page
// language's catalogue (Chinese, the larger) — stays at or under 150 KiB gzipped on every page
// without charts. The two indicator dashboards (the pages with charts, which the target
// leaves out) get 155 KiB for the figure tables and filters they show before the charts; the
// charts themselves load after the page (app/components/indicators/charts-slot.tsx) and are not
// counted anywhere. Runs on the build the browser suite takes (npm run test:e2e builds first).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { firstLoad, routeIds } from "../../scripts/bundle-size.js";

const BUDGET_BYTES = 150 * 1024;
const DASHBOARDS = new Set(["routes/gov.indicators", "routes/bank.indicators"]);
const DASHBOARD_BUDGET_BYTES = 155 * 1024;

describe("first-load JavaScript", () => {
  it("is at most 150 KiB gzipped on every page without charts, 155 KiB on the two dashboards", () => {
    const ids = routeIds();
    assert.ok(ids.length > 100, `only ${ids.length} routes in the manifest`);
    assert.ok(
      [...DASHBOARDS].every((id) => ids.includes(id)),
      "the dashboards are in the manifest",
    );
    const over = ids
      .map((id) => ({ id, bytes: firstLoad(id).bytes }))
      .filter(({ id, bytes }) => bytes > (DASHBOARDS.has(id) ? DASHBOARD_BUDGET_BYTES : BUDGET_BYTES))
      .map(({ id, bytes }) => `${id}: ${(bytes / 1024).toFixed(1)} KiB`);
    assert.deepEqual(over, []);
  });
});
