/**
 * `npm run bench`: city-scale figures, each against a baseline measured in the same run.
 * Prints one JSON object per line ({"name","value","unit","baseline","ratio"}) and a table.
 *
 * Measured now: the bank candidate list (app data function vs hand-written SQL through raw
 * better-sqlite3), page 1 and the deepest page, unfiltered and filtered. The remaining figures of
 * the benchmark (dashboard, HTTP p50/p95, SSR throughput, transitions, bundle size, RSS) are
 * issue 6's and are listed in docs/performance.md as not yet measured.
 */
import path from "node:path";

import Database from "better-sqlite3";

import { NOW, ensureDataset, bankId } from "./dataset";
import { sqliteDriver } from "./driver";

const FILE = path.resolve("bench-data", "city.db");
const RUNS = 25;

type Row = { name: string; value: number; unit: string; baseline: number; ratio: number };
const rows: Row[] = [];

function report(name: string, value: number, unit: string, baseline: number) {
  const row = { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) };
  rows.push(row);
  console.log(JSON.stringify(row));
}
const round = (n: number) => Math.round(n * 100) / 100;

async function median(work: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const built = await ensureDataset(FILE, {
  force: process.argv.includes("--rebuild"),
  log: (line) => console.error(line),
  open: (file) => sqliteDriver(file, { building: true }),
});
if (built) {
  console.error(
    `✓ dataset built in ${built.seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
process.env.DATABASE_URL = `file:${FILE}`;
const { listCandidates } = await import("../app/models/candidate.server");

const actor = {
  id: "bench",
  username: "bench",
  displayName: "bench",
  role: "BANK" as const,
  bankId: bankId(7),
  enterpriseId: null,
  subDistrictId: null,
  organization: null,
};
const raw = new Database(FILE, { readonly: true });
const now = NOW.toISOString().replace("Z", "+00:00");

/** The same rows as listCandidates, by hand: count, page, then the page's grants, demands and summaries. */
function rawCandidates(extra: string, params: unknown[], offset: number) {
  const visible = `EXISTS (SELECT 1 FROM "Authorization" a WHERE a.enterpriseId = e.id AND a.revokedAt IS NULL AND a.expiresAt > ? AND (a.bankId = ? OR a.bankId IS NULL))`;
  const where = `${visible}${extra}`;
  raw
    .prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM "Enterprise" e WHERE ${where} LIMIT 1001)`)
    .get(now, actor.bankId, ...params);
  const page = raw
    .prepare(
      `SELECT e.id, e.uscc, e.name, e.sectionCode, e.divisionCode, e.size, e.whitelistedUntil, s.id AS sid, s.name AS sname, s.nameEn
       FROM "Enterprise" e JOIN "SubDistrict" s ON s.id = e.subDistrictId
       WHERE ${where} ORDER BY e.createdAt DESC, e.id ASC LIMIT 20 OFFSET ?`,
    )
    .all(now, actor.bankId, ...params, offset) as { id: string }[];
  const ids = page.map((r) => r.id);
  const marks = ids.map(() => "?").join(",");
  raw
    .prepare(
      `SELECT enterpriseId, scope, expiresAt FROM "Authorization" WHERE enterpriseId IN (${marks}) AND revokedAt IS NULL AND expiresAt > ? AND (bankId = ? OR bankId IS NULL)`,
    )
    .all(...ids, now, actor.bankId);
  raw
    .prepare(
      `SELECT enterpriseId, MAX(amountYuan), COUNT(*) FROM "Demand" WHERE enterpriseId IN (${marks}) AND status = 'OPEN' AND validUntil >= ? GROUP BY enterpriseId`,
    )
    .all(...ids, now);
  raw
    .prepare(
      `SELECT id, taxGrade, publicRating, onRedList, onDishonestyList FROM "Enterprise" WHERE id IN (${marks})`,
    )
    .all(...ids);
  return page;
}

const cases = [
  { name: "candidates.page1", filters: {}, page: 1, extra: "", params: [] as unknown[] },
  // the deepest page the list offers (the count stops at 1,000 firms: 50 pages of 20)
  { name: "candidates.page50", filters: {}, page: 50, extra: "", params: [] },
  {
    name: "candidates.filtered.page1",
    filters: { section: "C", size: "MICRO" },
    page: 1,
    extra: ` AND e.sectionCode = ? AND e.size = ?`,
    params: ["C", "MICRO"],
  },
];

for (const c of cases) {
  const app = await median(() =>
    listCandidates(actor, { filters: c.filters, sort: "newest", page: c.page, now: NOW }),
  );
  const baseline = await median(() => rawCandidates(c.extra, c.params, (c.page - 1) * 20));
  const check = await listCandidates(actor, { filters: c.filters, sort: "newest", page: c.page, now: NOW });
  const expected = rawCandidates(c.extra, c.params, (c.page - 1) * 20).map((r) => r.id);
  if (JSON.stringify(check.candidates.map((r) => r.id)) !== JSON.stringify(expected)) {
    throw new Error(`${c.name}: the app and the baseline returned different rows`);
  }
  report(c.name, app, "ms", baseline);
}

console.error("\n  name                          value      baseline   ratio");
for (const row of rows) {
  console.error(
    `  ${row.name.padEnd(28)} ${`${row.value} ${row.unit}`.padEnd(10)} ${`${row.baseline} ${row.unit}`.padEnd(10)} ${row.ratio}×`,
  );
}
process.exit(0);
