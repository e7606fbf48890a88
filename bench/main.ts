/**
 * The benchmark proper (bench/run.ts sets the database first). Sections, each optional with
 * --only: candidates, indicators, http, ssr, writes, bundle. Output: one JSON object per line
 * ({"name","value","unit","baseline","ratio"}), then a table and the targets (pass/miss).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import * as postgresBaseline from "./baseline-postgres";
import * as sqliteBaseline from "./baseline-sqlite";
import { firstLoadJs, readManifest } from "./bundle";
import {
  ANALYZE,
  BENCH_PASSWORD,
  BUREAU_USERNAME,
  BENCH_BUREAU,
  NOW,
  bankId,
  bankUserId,
  bankUsername,
  ensureDataset,
  ensurePostgresDataset,
  firmId,
} from "./dataset";
import { postgresDriver, sqliteDriver, type BenchDriver } from "./driver";
import {
  get,
  load,
  login,
  memoryOf,
  percentile,
  startBareServer,
  startPortal,
  type RunningServer,
} from "./http";
import { BENCH_DATABASE, BENCH_FILE, BENCH_TIER } from "./paths";

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (section: string) => !only || only.includes(section);
const log = (line: string) => console.error(line);

type Row = { name: string; value: number; unit: string; baseline: number | null; ratio: number | null };
const rows: Row[] = [];
const round = (n: number) => Math.round(n * 100) / 100;
function report(name: string, value: number, unit: string, baseline: number | null = null) {
  const row = {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    // a baseline that rounds to 0 (a cache hit) gives no meaningful ratio
    ratio: baseline && round(baseline) > 0 ? Number((value / baseline).toPrecision(3)) : null,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
  return row;
}
type Check = { target: string; pass: boolean; detail: string };
const checks: Check[] = [];
const check = (target: string, pass: boolean, detail: string) => checks.push({ target, pass, detail });

async function median(work: () => Promise<unknown>, runs: number, warmups = 2) {
  for (let i = 0; i < warmups; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// the driver seam: bench/run.ts set DATABASE_URL to the bench's SQLite file or its PostgreSQL database
const DATABASE_URL = process.env.DATABASE_URL ?? "";
const postgres = /^postgres(ql)?:\/\//.test(DATABASE_URL);
const { rawCandidates, rawIndicators, rawLoanBook } = postgres ? postgresBaseline : sqliteBaseline;
/** errors of concurrent writers: SQLite's busy database, PostgreSQL's serialization failures and deadlocks */
const LOCK_ERRORS = postgres
  ? /could not serialize|deadlock detected|\b40001\b|\b40P01\b/g
  : /SQLITE_BUSY|database is locked/g;
const lockErrorName = postgres ? "deadlocks/serialization failures" : "SQLITE_BUSY";

log(
  `» tier ${BENCH_TIER}, database: ${postgres ? `PostgreSQL ${new URL(DATABASE_URL).host}/${BENCH_DATABASE}` : BENCH_FILE}`,
);
log(
  `» load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores`,
);

// ---------------------------------------------------------------- the dataset
const buildStats = postgres ? path.resolve("bench-data", "postgres.build.json") : `${BENCH_FILE}.build.json`;
const built = postgres
  ? await ensurePostgresDataset(DATABASE_URL, { force: args.includes("--rebuild"), log })
  : await ensureDataset(BENCH_FILE, {
      force: args.includes("--rebuild"),
      log,
      open: (file) => sqliteDriver(file, { building: true }),
    });
if (built) {
  mkdirSync(path.dirname(buildStats), { recursive: true });
  const stats = { seconds: built.seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, at: new Date() };
  writeFileSync(buildStats, JSON.stringify(stats));
}
if (existsSync(buildStats)) {
  const stats = JSON.parse(readFileSync(buildStats, "utf8")) as {
    seconds: number;
    peakRssMb: number;
    at: string;
  };
  log(`  dataset built ${built ? "now" : `on ${stats.at}`}`);
  report("dataset.build", stats.seconds, "s");
  report("dataset.build.peakRss", stats.peakRssMb, "MB");
}
const raw: BenchDriver = postgres
  ? postgresDriver(DATABASE_URL)
  : sqliteDriver(BENCH_FILE, { readonly: true });

// The dataset is written raw: the indicator rollups and the queues' stored fields are rebuilt
// once after it (decision 020), as the seed does.
{
  const { db } = await import("../app/db.server");
  if (built || (await db.indicatorRollup.count()) === 0) {
    log("» rebuilding the indicator rollups and the government queues' fields");
    const { rebuildRollups } = await import("../app/models/indicator-rollup.server");
    const { rebuildGovQueues } = await import("../app/models/gov-queues.server");
    const t = performance.now();
    const { slots } = await rebuildRollups(db, {
      progress: (firms) => {
        if (firms % 20_000 === 0)
          log(
            `  rollups: ${firms.toLocaleString("en")} firms (${((performance.now() - t) / 1000).toFixed(1)} s)`,
          );
      },
    });
    report("rollups.rebuild", (performance.now() - t) / 1000, "s");
    const q = performance.now();
    await rebuildGovQueues(db);
    report("queues.rebuild", (performance.now() - q) / 1000, "s");
    log(`  ${slots} rollup slots`);
    // the statistics of the dataset's ANALYZE predate the rollups and the queues' fields: the
    // planner would see them empty (on PostgreSQL it then estimated one row for every queue)
    await db.$executeRawUnsafe(ANALYZE[raw.dialect]);
    log("  ANALYZE after the rebuild");
  }
}

const { listCandidates, CANDIDATE_COUNT_CAP } = await import("../app/models/candidate.server");
const { getIndicatorReport, getCachedIndicatorReport, parseIndicatorQuery } =
  await import("../app/models/indicators.server");
const { factQuery } = await import("../app/models/indicator-facts.server");
const { addDays, startOfShanghaiDay } = await import("../app/domain/shanghai-time");
const { fenToYuan } = await import("../app/domain/indicators");
const { CANDIDATES_PAGE_SIZE } = await import("../app/domain/bank-choices");

const BANK = 7;
const bankActor = {
  id: bankUserId(BANK),
  username: bankUsername(BANK),
  displayName: "bench",
  role: "BANK" as const,
  bankId: bankId(BANK),
  enterpriseId: null,
  subDistrictId: null,
  organization: null,
};
const bureau = BENCH_BUREAU;
const inProcess: Record<string, number> = {};

// ---------------------------------------------------------------- (a) the candidate list
const candidateCases = [
  { name: "page1", section: undefined, size: undefined, page: 1 },
  { name: "page50", section: undefined, size: undefined, page: 50 },
  { name: "filtered.page1", section: "C", size: "MICRO", page: 1 },
  { name: "filtered.page50", section: "C", size: "MICRO", page: 50 },
];
if (wanted("candidates")) {
  log("» (a) candidate list: listCandidates vs hand-written SQL (median of 25 after 2 warm-ups)");
  for (const c of candidateCases) {
    const filters = { section: c.section, size: c.size };
    const app = () => listCandidates(bankActor, { filters, sort: "newest", page: c.page, now: NOW });
    const baseline = () =>
      rawCandidates(raw, {
        bankId: bankActor.bankId,
        now: NOW,
        section: c.section,
        size: c.size,
        page: c.page,
        pageSize: CANDIDATES_PAGE_SIZE,
        cap: CANDIDATE_COUNT_CAP,
      });
    const [appResult, baseResult] = [await app(), await baseline()];
    const same =
      JSON.stringify(appResult.candidates.map((r) => r.id)) === JSON.stringify(baseResult.ids) &&
      appResult.total === baseResult.total;
    if (!same) throw new Error(`candidates.${c.name}: the app and the baseline returned different rows`);
    const appMs = await median(app, 25);
    const baseMs = await median(baseline, 25);
    inProcess[`candidates.${c.name}`] = appMs;
    const row = report(`candidates.${c.name}`, appMs, "ms", baseMs);
    check(`candidates.${c.name} data function ≤ 1.5× raw SQL`, (row.ratio ?? 0) <= 1.5, `${row.ratio}×`);
  }
}

// ---------------------------------------------------------------- (b) the bureau's dashboard data
if (wanted("indicators")) {
  log("» (b) dashboard data for the year (bureau, by sub-district): getIndicatorReport vs hand-written SQL");
  const { filter } = parseIndicatorQuery(new URLSearchParams("period=year"), NOW);
  const query = factQuery(filter, NOW);
  const app = () => getIndicatorReport(bureau, filter, { dimension: "subDistrict", now: NOW });
  const baseline = () => rawIndicators(raw, { from: query.from, to: query.to, stockAt: query.stockAt });
  let t = performance.now();
  const report0 = await app();
  report("indicators.firstCall", performance.now() - t, "ms");
  t = performance.now();
  const base0 = await baseline();
  report("indicators.baseline.firstCall", performance.now() - t, "ms");

  // the same figures, both ways
  const problems: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    if (String(a) !== String(b)) problems.push(`${label}: app ${String(a)} vs SQL ${String(b)}`);
  };
  const totals = report0.totals;
  const bt = base0.totals;
  for (const key of [
    "applications",
    "approved",
    "rejected",
    "disbursedCount",
    "disbursedYuan",
    "creditYuan",
    "inclusiveYuan",
    "firstTimeBorrowers",
    "registeredFirms",
    "newFirms",
    "authorisingFirms",
    "demands",
    "demandYuan",
    "whitelistedFirms",
    "convertedFirms",
  ] as const) {
    same(`totals.${key}`, totals[key], bt[key]);
  }
  const weighted = bt.disbursedYuan
    ? (bt.amountRate * 2n + BigInt(bt.disbursedYuan)) / (2n * BigInt(bt.disbursedYuan))
    : null;
  same("totals.weightedRateBp", totals.weightedRateBp, weighted);
  for (const point of report0.monthly) {
    const b = base0.months.get(point.month);
    same(`${point.month}.applications`, point.values.applications, b?.applications ?? 0);
    same(`${point.month}.disbursedYuan`, point.values.disbursedYuan, b?.disbursedYuan ?? 0);
    same(`${point.month}.newFirms`, point.values.newFirms, b?.newFirms ?? 0);
  }
  for (const row of report0.breakdown.rows) {
    const b = base0.subDistricts.get(row.key);
    same(`${row.key}.applications`, row.values.applications, b?.applications ?? 0);
    same(`${row.key}.firstTimeBorrowers`, row.values.firstTimeBorrowers, b?.firstTimeBorrowers ?? 0);
    same(`${row.key}.authorisingFirms`, row.values.authorisingFirms, b?.authorisingFirms ?? 0);
  }
  // the report read from the rollups is the report of the base tables' SQL (decision 020)
  const fromBase = await getIndicatorReport(bureau, filter, {
    dimension: "subDistrict",
    now: NOW,
    source: "base",
  });
  const json = (value: unknown) =>
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  if (json(fromBase) !== json(report0))
    problems.push("the rollups' report differs from the base tables' report");
  if (problems.length) throw new Error(`the dashboard figures differ:\n  ${problems.join("\n  ")}`);
  log(
    `  figures agree (${totals.applications} applications, ${totals.disbursedCount} loans, ${totals.firstTimeBorrowers} first loans, ${report0.monthly.length} months, ${report0.breakdown.rows.length} sub-districts)`,
  );

  const appMs = await median(app, 5, 1);
  const baseMs = await median(baseline, 5, 1);
  inProcess["indicators.uncached"] = appMs;
  const row = report("indicators.uncached", appMs, "ms", baseMs);
  check("indicators data function (uncached) ≤ 1.5× raw SQL", (row.ratio ?? 0) <= 1.5, `${row.ratio}×`);
  check("indicators data function (uncached) ≤ 0.05× raw SQL", (row.ratio ?? 1) <= 0.05, `${row.ratio}×`);
  check("indicators data function (uncached) ≤ 100 ms", appMs <= 100, `${round(appMs)} ms`);

  // Two years, any filter: each read from the rollups (uncached), against the hand-written
  // aggregate of the same two years over the base tables (unfiltered: the baseline has no filters).
  const twoYears = { ...filter, fromDay: "2024-11-27", toDay: "2026-11-26" };
  const twoQuery = factQuery(twoYears, NOW);
  const twoBaseMs = await median(
    () => rawIndicators(raw, { from: twoQuery.from, to: twoQuery.to, stockAt: twoQuery.stockAt }),
    3,
    1,
  );
  const officeActor = { ...bureau, role: "GOV_OFFICE" as const, subDistrictId: "" };
  const anySubDistrict =
    (await raw.all<{ id: string }>(`SELECT "id" FROM "SubDistrict" ORDER BY "id" LIMIT 1`, []))[0]?.id ?? "";
  officeActor.subDistrictId = anySubDistrict;
  const filterCases = [
    { name: "bureau.bySubDistrict", actor: bureau, extra: {}, dimension: "subDistrict" as const },
    {
      name: "bureau.sectionC.MICRO.byBank",
      actor: bureau,
      extra: { sectionCode: "C", size: "MICRO" },
      dimension: "bank" as const,
    },
    {
      name: "bureau.whitelisted.byProductType",
      actor: bureau,
      extra: { whitelist: "yes" as const },
      dimension: "productType" as const,
    },
    { name: "bank.byBorrower", actor: bankActor, extra: {}, dimension: "borrower" as const },
    { name: "office.bySize", actor: officeActor, extra: {}, dimension: "size" as const },
  ];
  for (const c of filterCases) {
    const run = () =>
      getIndicatorReport(c.actor, { ...twoYears, ...c.extra }, { dimension: c.dimension, now: NOW });
    const [fromRollups, base] = [
      await run(),
      await getIndicatorReport(
        c.actor,
        { ...twoYears, ...c.extra },
        { dimension: c.dimension, now: NOW, source: "base" },
      ),
    ];
    if (json(fromRollups) !== json(base))
      throw new Error(`indicators.twoYears.${c.name}: rollups and base tables differ`);
    const ms = await median(run, 3, 1);
    const r = report(`indicators.twoYears.${c.name}`, ms, "ms", twoBaseMs);
    check(
      `indicators.twoYears.${c.name} ≤ 100 ms and ≤ 0.05× the aggregate`,
      ms <= 100 && (r.ratio ?? 1) <= 0.05,
      `${round(ms)} ms, ${r.ratio}×`,
    );
  }

  // The last year (the dashboard's 上年 preset), as every period that ended before today: its
  // loan book is rebuilt at 31 December from the repayments and the periods. The book is checked
  // against the hand-written one, and the report timed against the hand-written aggregate and book.
  {
    const lastYear = { ...filter, fromDay: "2025-01-01", toDay: "2025-12-31" };
    const lastQuery = factQuery(lastYear, NOW);
    const day = {
      start: startOfShanghaiDay(lastYear.toDay),
      end: lastQuery.to,
      nplDue: startOfShanghaiDay(addDays(lastYear.toDay, -91)),
    };
    const run = () => getIndicatorReport(bureau, lastYear, { dimension: "subDistrict", now: NOW });
    const byHand = new Map((await rawLoanBook(raw, day)).map((row) => [row.sd, row]));
    // the hand-written book's fen, in yuan by the report's own rounding
    const yuan = (value: unknown) => fenToYuan(BigInt(String(value ?? 0)));
    const rows = (await run()).breakdown.rows;
    const problems = [...new Set([...byHand.keys(), ...rows.map((row) => row.key)])].flatMap((sd) => {
      const app = rows.find((row) => row.key === sd)?.values;
      const hand = byHand.get(sd);
      const pairs = [
        ["loans", app?.activeLoans ?? 0, Number(hand?.n ?? 0)],
        ["outstanding", app?.outstandingYuan ?? 0, yuan(hand?.outstanding)],
        ["overdue", app?.overdueYuan ?? 0, yuan(hand?.overdue)],
        ["npl", app?.nplYuan ?? 0, yuan(hand?.npl)],
      ] as const;
      return pairs
        .filter(([, a, b]) => a !== b)
        .map(([name, a, b]) => `${sd}.${name}: app ${a}, by hand ${b}`);
    });
    if (problems.length) throw new Error(`the loan book at 2025-12-31 differs:\n  ${problems.join("\n  ")}`);
    log(`  the loan book at 2025-12-31 agrees (${byHand.size} sub-districts)`);
    const ms = await median(run, 5, 1);
    const baseMs = await median(
      () =>
        Promise.all([
          rawIndicators(raw, { from: lastQuery.from, to: lastQuery.to, stockAt: lastQuery.stockAt }),
          rawLoanBook(raw, day),
        ]),
      3,
      1,
    );
    const r = report("indicators.lastYear", ms, "ms", baseMs);
    check(
      "indicators.lastYear (a past period: its loan book rebuilt) ≤ 100 ms and ≤ 0.05× the aggregate",
      ms <= 100 && (r.ratio ?? 1) <= 0.05,
      `${round(ms)} ms, ${r.ratio}×`,
    );
  }

  // The rollups' write overhead: the same transition (accept) with and without the rollup
  // maintenance, interleaved, on SUBMITTED applications of the dataset (they stay ACCEPTED: the
  // dataset drifts by these few applications a run; the rollups of the ones timed without
  // maintenance are repaired untimed from their firm's contribution before and after).
  {
    const { transitionApplication } = await import("../app/models/application-transition.server");
    const rollup = await import("../app/models/indicator-rollup.server");
    const { diffContributions } = await import("../app/domain/indicator-rollup");
    const { db } = await import("../app/db.server");
    const open = await db.application.findMany({
      where: { state: "SUBMITTED" },
      select: { id: true, enterpriseId: true, bankId: true },
      orderBy: { id: "asc" },
      take: 100, // 50 a side: medians of 20 moved by a third from run to run
    });
    if (open.length < 100)
      console.log("  ! fewer than 100 submitted applications left to time: rebuild the dataset (--rebuild)");
    const times = { with: [] as number[], without: [] as number[] };
    for (const [i, app] of open.entries()) {
      const officer = await db.user.findFirstOrThrow({
        where: { role: "BANK", bankId: app.bankId },
        select: { id: true },
      });
      const actor = { ...bankActor, id: officer.id, bankId: app.bankId };
      const maintained = i % 2 === 0;
      const before = maintained ? null : await rollup.firmRollup(db, app.enterpriseId);
      rollup.setRollupMaintenanceForBench(maintained);
      const t0 = performance.now();
      const result = await transitionApplication({
        applicationId: app.id,
        actor,
        input: { action: "accept" },
        now: NOW,
      });
      (maintained ? times.with : times.without).push(performance.now() - t0);
      rollup.setRollupMaintenanceForBench(true);
      if (!result.ok) throw new Error(`accept failed: ${result.error}`);
      if (before)
        await rollup.applyRollupDeltas(
          db,
          diffContributions(before, await rollup.firmRollup(db, app.enterpriseId)),
        );
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const w = report("writes.transition.withRollups", mid(times.with), "ms", mid(times.without));
    check("a transition with its rollup updates ≤ 1.3× without", (w.ratio ?? 9) <= 1.3, `${w.ratio}×`);
  }

  const cached = () => getCachedIndicatorReport(bureau, filter, { dimension: "subDistrict" });
  t = performance.now();
  await cached();
  report("indicators.cached.miss", performance.now() - t, "ms", baseMs);
  const hitMs = await median(cached, 25);
  inProcess["indicators.cached"] = hitMs;
  report("indicators.cached.hit", hitMs, "ms");
}

// ---------------------------------------------------------------- HTTP sections: the production build
const needServer =
  wanted("http") || wanted("ssr") || wanted("writes") || wanted("pages") || wanted("refresh");
let server: RunningServer | null = null;
let manifestRoutes: string[] = [];
if (needServer || wanted("bundle")) {
  if (!args.includes("--skip-build") || !existsSync("build/index.js")) {
    log("» npm run build");
    const build = spawnSync("npm", ["run", "build"], { encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build failed\n${build.stdout}\n${build.stderr}`);
  }
  manifestRoutes = Object.keys(readManifest().routes);
}
const dashboardRoute = manifestRoutes.includes("routes/gov.indicators")
  ? "/gov/indicators?period=year"
  : "/gov";
let serverPeakMb = 0;
const sampleServer = () => {
  if (server?.child.pid) serverPeakMb = Math.max(serverPeakMb, memoryOf(server.child.pid).peakMb);
};

if (needServer) {
  server = await startPortal(DATABASE_URL);
  const idle = memoryOf(server.child.pid!);
  log(`» server up at ${server.baseUrl} (RSS ${idle.rssMb.toFixed(0)} MB idle)`);
  const base = server.baseUrl;
  try {
    // ------------------------------------------------------------ (c) pages over HTTP
    if (wanted("http")) {
      const bankCookie = await login(base, bankUsername(BANK), BENCH_PASSWORD);
      const bureauCookie = await login(base, BUREAU_USERNAME, BENCH_PASSWORD);
      if (dashboardRoute === "/gov")
        log("  (routes/gov.indicators is not in this build: measuring /gov instead)");
      const pages = [
        {
          name: "candidates.page1",
          url: "/bank/candidates",
          cookie: bankCookie,
          target: 50,
          base: "candidates.page1",
        },
        {
          name: "candidates.filtered",
          url: "/bank/candidates?section=C&size=MICRO",
          cookie: bankCookie,
          target: 50,
          base: "candidates.filtered.page1",
        },
        {
          name: "candidates.page50",
          url: "/bank/candidates?page=50",
          cookie: bankCookie,
          target: 50,
          base: "candidates.page50",
        },
        {
          name: dashboardRoute === "/gov" ? "gov.home" : "dashboard.year",
          url: dashboardRoute,
          cookie: bureauCookie,
          target: 100,
          base: dashboardRoute === "/gov" ? "" : "indicators.cached",
        },
      ];
      const pageFilter = args
        .find((a) => a.startsWith("--pages="))
        ?.slice("--pages=".length)
        .split(",");
      for (const page of pages.filter(
        (p) => !pageFilter || pageFilter.some((name) => p.name.startsWith(name)),
      )) {
        const url = `${base}${page.url}`;
        const t = performance.now();
        await get(url, page.cookie);
        report(`http.${page.name}.first`, performance.now() - t, "ms");
        for (const [variant, concurrency] of [
          ["sequential", 1],
          ["concurrent8", 8],
        ] as const) {
          const { times, perSecond, calls, errors } = await load(
            () => get(url, page.cookie),
            200,
            concurrency,
            60_000,
          );
          report(`http.${page.name}.${variant}.errors`, errors.length, "requests");
          if (errors.length) log(`  ${page.name} ${variant}: ${errors.length} failed, e.g. ${errors[0]}`);
          if (server.child.exitCode !== null)
            throw new Error(`the server died:\n${server.log().slice(-2000)}`);
          if (calls < 200) log(`  ${page.name} ${variant}: only ${calls} requests in the 60 s budget`);
          const p50 = percentile(times, 0.5);
          const p95 = percentile(times, 0.95);
          report(`http.${page.name}.${variant}.p50`, p50, "ms", inProcess[page.base] ?? null);
          const row = report(`http.${page.name}.${variant}.p95`, p95, "ms", inProcess[page.base] ?? null);
          report(`http.${page.name}.${variant}.throughput`, perSecond, "req/s");
          if (variant === "sequential")
            check(`${page.name} p95 ≤ ${page.target} ms`, row.value <= page.target, `${row.value} ms`);
          else log(`  ${page.name} at 8 concurrent: p95 ${row.value} ms`);
          sampleServer();
        }
      }
    }

    // ------------------------------------------------------------ (h) every page of every role
    if (wanted("pages")) {
      const { walkPages, slowestFirst } = await import("./pages");
      // the dataset has no firm users: the enterprise pages are not walked (docs/performance.md)
      const roles = [
        { role: "GOV_BUREAU", username: BUREAU_USERNAME, prefix: "/gov" },
        { role: "GOV_OFFICE", username: "bench-office0", prefix: "/gov" },
        { role: "BANK", username: bankUsername(BANK), prefix: "/bank" },
      ];
      const figures = [];
      for (const role of roles) {
        const cookie = await login(base, role.username, BENCH_PASSWORD);
        log(`» (h) every page of ${role.role}`);
        const walked = await walkPages(base, { ...role, cookie }, { log });
        figures.push(...walked.figures);
        for (const page of walked.skipped) log(`  ${page.role} ${page.path}: ${page.status}, not timed`);
        sampleServer();
      }
      for (const page of slowestFirst(figures)) {
        const name = `page.${page.role}.${page.path}`;
        report(`${name}.p50`, page.p50, "ms");
        const p95 = report(`${name}.p95`, page.p95, "ms");
        const target = page.path.startsWith("/bank/candidates") ? 50 : 100;
        check(`${name} sequential p95 ≤ ${target} ms`, p95.value <= target, `${p95.value} ms`);
      }
    }

    // ------------------------------------------------------------ (d) SSR throughput of /products
    if (wanted("ssr")) {
      log(
        "» (d) /products SSR vs bare node:http serving the same bytes (400 requests, 8 at once, identity encoding)",
      );
      const headers = { "accept-encoding": "identity" };
      const response = await fetch(`${base}/products`, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      const ssr = await load(
        async () => (await fetch(`${base}/products`, { headers })).arrayBuffer(),
        400,
        8,
      );
      sampleServer();
      const bare = await startBareServer(body, response.headers.get("content-type") ?? "text/html");
      try {
        const baseline = await load(
          async () => (await fetch(`${bare.baseUrl}/products`, { headers })).arrayBuffer(),
          400,
          8,
        );
        report("ssr.products.throughput", ssr.perSecond, "req/s", baseline.perSecond);
        report("ssr.products.p95", percentile(ssr.times, 0.95), "ms", percentile(baseline.times, 0.95));
        log(`  page size ${(body.length / 1024).toFixed(1)} KiB`);
      } finally {
        await bare.stop();
      }
    }

    // ------------------------------------------------------------ (e) transitions under 8 writers
    if (wanted("writes")) await writeBenchmark(base);

    // ------------------------------------------------------------ (i) the nightly credit refresh
    // last: the job runs on until the server stops, and it writes the firms' new profiles
    if (wanted("refresh")) {
      const { refreshBenchmark } = await import("./refresh");
      await refreshBenchmark({
        base,
        bureauCookie: await login(base, BUREAU_USERNAME, BENCH_PASSWORD),
        bankCookie: await login(base, bankUsername(BANK), BENCH_PASSWORD),
        serverPid: server.child.pid!,
        report,
        check,
        log,
        memoryOf,
      });
      sampleServer();
    }
  } finally {
    sampleServer();
    const log500 = server.log();
    await server.stop();
    const busyInLog = (log500.match(LOCK_ERRORS) ?? []).length;
    if (busyInLog)
      log(
        `  server log: ${busyInLog} ${postgres ? "deadlock / could not serialize" : "SQLITE_BUSY / database is locked"} lines`,
      );
    report("server.peakRss", serverPeakMb, "MB", idle.peakMb);
    check("server RSS ≤ 300 MB", serverPeakMb <= 300, `${serverPeakMb.toFixed(0)} MB peak`);
  }
}

/**
 * Accept → approve → disburse over HTTP by 8 clients at once, on fresh applications of one bank
 * made for the purpose (removed afterwards); the baseline is the same updates and event rows
 * through the raw driver with the app's durability (SQLite synchronous=FULL; PostgreSQL's
 * default synchronous_commit), one writer. The SQL quotes every column, the same on both.
 */
async function writeBenchmark(base: string) {
  const CLIENTS = 8;
  const PER_CLIENT = 15;
  log(`» (e) transitions: ${CLIENTS} HTTP clients × ${PER_CLIENT} applications × 3 steps; raw SQL baseline`);
  const writer = postgres ? postgresDriver(DATABASE_URL) : sqliteDriver(BENCH_FILE);
  if (!postgres) await writer.exec("PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL");
  const product = `prod${String(BANK).padStart(2, "0")}0`;
  const [terms] = await writer.all<{ minAmountYuan: number; minRateBp: number; maxRateBp: number }>(
    `SELECT "minAmountYuan", "minRateBp", "maxRateBp" FROM "Product" WHERE id = ?`,
    [product],
  );
  const submitted = new Date(Date.now() - 3_600_000);
  // The HTTP applications' firms (rollups kept exact around the raw inserts and deletes) and the
  // raw baseline's, which never touch the rollups: two disjoint sets of firms.
  const firmOf = (prefix: string, n: number) => firmId(n * 7 + (prefix === "wbh" ? 0 : 3));
  const make = async (prefix: string, count: number) => {
    const ids = Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(4, "0")}`);
    const firms = ids.map((_, n) => firmOf(prefix, n));
    await keepingRollups(prefix === "wbh" ? firms : [], () => insertApplications(ids, firms));
    return ids;
  };
  const insertApplications = (ids: string[], firms: string[]) =>
    writer.insert(
      "Application",
      [
        "id",
        "number",
        "enterpriseId",
        "productId",
        "bankId",
        "amountYuan",
        "termMonths",
        "purpose",
        "submittedAt",
        "createdAt",
        "updatedAt",
      ],
      ids.map((id, n) => [
        id,
        `BENCH-${id}`,
        firms[n],
        product,
        bankId(BANK),
        1_000_000,
        12,
        "补充流动资金",
        submitted,
        submitted,
        submitted,
      ]),
    );
  const httpFirms = Array.from({ length: CLIENTS * PER_CLIENT }, (_, n) => firmOf("wbh", n));
  await keepingRollups(httpFirms, () => cleanup(writer));
  const httpIds = await make("wbh", CLIENTS * PER_CLIENT);
  const rawIds = await make("wbr", CLIENTS * PER_CLIENT);
  const bankCookie = await login(base, bankUsername(BANK), BENCH_PASSWORD);
  const rate = (terms.minRateBp / 100).toFixed(2);
  const amount = String(Math.max(terms.minAmountYuan, 500_000) / 10_000);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const forms: Record<string, string>[] = [
    { intent: "accept" },
    { intent: "approve", amount, rate, term: "12" },
    { intent: "disburse", amount, rate, date: today, repaymentMethod: "EQUAL_INSTALMENT" },
  ];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (const id of httpIds.slice(client * PER_CLIENT, (client + 1) * PER_CLIENT)) {
        for (const [version, form] of forms.entries()) {
          const t = performance.now();
          const response = await fetch(`${base}/bank/applications/${id}`, {
            method: "POST",
            headers: { cookie: bankCookie },
            body: new URLSearchParams({ ...form, version: String(version) }),
            redirect: "manual",
          });
          await response.arrayBuffer();
          times.push(performance.now() - t);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }
    }),
  );
  const httpPerSecond = (httpIds.length * 3 * 1000) / (performance.now() - started);
  sampleServer();
  const [{ disbursed }] = await writer.all<{ disbursed: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS disbursed FROM "Application" WHERE id LIKE 'wbh%' AND state = 'DISBURSED'`,
  );

  // the baseline: the same three conditional updates and event rows, by hand
  const steps = [
    ["SUBMITTED", "ACCEPTED", `"firstResponseAt" = ?, "acceptedAt" = ?`],
    [
      "ACCEPTED",
      "APPROVED",
      `"decidedAt" = ?, "approvedAmountYuan" = 500000, "approvedRateBp" = ${terms.minRateBp}, "approvedTermMonths" = 12`,
    ],
    [
      "APPROVED",
      "DISBURSED",
      `"disbursedAt" = ?, "disbursedAmountYuan" = 500000, "disbursedRateBp" = ${terms.minRateBp}, "closedAt" = ?`,
    ],
  ] as const;
  let rawBusy = 0;
  const rawStarted = performance.now();
  for (const id of rawIds) {
    for (const [version, [from, to, set]] of steps.entries()) {
      try {
        const at = new Date();
        await writer.transaction(async (tx) => {
          await tx.all(
            `UPDATE "Application" SET state = '${to}', version = version + 1, "updatedAt" = ?, ${set} WHERE id = ? AND state = '${from}' AND version = ${version} RETURNING id`,
            [
              at,
              ...set
                .split("?")
                .slice(1)
                .map(() => at),
              id,
            ],
          );
          await tx.all(
            `INSERT INTO "ApplicationEvent" (id, "applicationId", "actorId", "fromState", "toState", at, data) VALUES (?, ?, ?, ?, ?, ?, '{}') RETURNING id`,
            [`${id}-${version}`, id, bankUserId(BANK), from, to, at],
          );
        });
      } catch (error) {
        if (!String(error).match(postgres ? LOCK_ERRORS : /SQLITE_BUSY|locked/)) throw error;
        rawBusy++;
      }
    }
  }
  const rawPerSecond = (rawIds.length * 3 * 1000) / (performance.now() - rawStarted);
  const [{ rawDone }] = await writer.all<{ rawDone: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS "rawDone" FROM "Application" WHERE id LIKE 'wbr%' AND state = 'DISBURSED'`,
  );
  if (rawDone !== rawIds.length) throw new Error(`the raw baseline disbursed ${rawDone} of ${rawIds.length}`);
  times.sort((a, b) => a - b);
  report("writes.http8.throughput", httpPerSecond, "transitions/s", rawPerSecond);
  report("writes.http8.p95", percentile(times, 0.95), "ms");
  const failed = [...statuses]
    .filter(([status]) => status !== 302 && status !== 303)
    .reduce((n, [, c]) => n + c, 0);
  const busy = (server?.log().match(LOCK_ERRORS) ?? []).length + rawBusy;
  report("writes.failed", failed, "requests");
  report(postgres ? "writes.serializationErrors" : "writes.sqliteBusy", busy, "errors");
  log(
    `  statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${disbursed}/${httpIds.length} reached DISBURSED`,
  );
  check(
    `0 ${lockErrorName} under 8 writers`,
    busy === 0 && failed === 0 && disbursed === httpIds.length,
    `${busy} busy, ${failed} failed`,
  );
  await keepingRollups(httpFirms, () => cleanup(writer));
  await writer.close();
}

/**
 * Runs `work` (raw inserts or deletes of the firms' applications) and applies the difference it
 * made to the firms' rollup contributions, as the app's own writes do (decision 020): the bench
 * leaves the rollups equal to the base tables.
 */
async function keepingRollups(firms: string[], work: () => Promise<unknown>) {
  const { db } = await import("../app/db.server");
  const rollup = await import("../app/models/indicator-rollup.server");
  const { diffContributions } = await import("../app/domain/indicator-rollup");
  const before = new Map<string, Awaited<ReturnType<typeof rollup.firmRollup>>>();
  for (const firm of new Set(firms)) before.set(firm, await rollup.firmRollup(db, firm));
  await work();
  for (const [firm, contribution] of before)
    await rollup.applyRollupDeltas(db, diffContributions(contribution, await rollup.firmRollup(db, firm)));
}

/** Removes what the write benchmark made (its applications, their events and notifications). */
async function cleanup(writer: BenchDriver) {
  // a disbursement opens a loan (its periods and repayments go with it)
  await writer.exec(`DELETE FROM "Loan" WHERE "applicationId" LIKE 'wbh%';
    DELETE FROM "ApplicationEvent" WHERE "applicationId" LIKE 'wbh%' OR "applicationId" LIKE 'wbr%';
    DELETE FROM "Notification" WHERE link LIKE '%/applications/wbh%';
    DELETE FROM "Authorization" WHERE "applicationId" LIKE 'wbh%';
    DELETE FROM "Application" WHERE id LIKE 'wbh%' OR id LIKE 'wbr%';`);
}

// ---------------------------------------------------------------- (f) first-load JS
if (wanted("bundle")) {
  log("» (f) first-load JS, gzipped (entry + root + route chain and their imports)");
  const manifest = readManifest();
  const pages = [
    ["enterprise home", "routes/enterprise._index", false],
    ["bank home", "routes/bank._index", false],
    ["gov home", "routes/gov._index", false],
    ["bank candidates", "routes/bank.candidates._index", false],
    ["products (public)", "routes/products._index", false],
    ["dashboard", "routes/gov.indicators", true],
  ] as const;
  for (const [label, routeId, charts] of pages) {
    if (!manifest.routes[routeId]) {
      log(`  ${label}: ${routeId} is not in this build`);
      continue;
    }
    const { gzipped, files } = firstLoadJs(manifest, routeId);
    const kib = gzipped / 1024;
    report(`js.${routeId.replace("routes/", "")}`, kib, "KiB gz");
    log(`  ${label}: ${kib.toFixed(1)} KiB in ${files} files`);
    if (!charts) check(`${label} first-load JS ≤ 150 KiB gz`, kib <= 150, `${kib.toFixed(1)} KiB`);
  }
}

await raw.close();
console.error("\n  name                                       value              baseline           ratio");
for (const row of rows) {
  const cell = (n: number | null) => (n === null ? "" : `${n} ${row.unit}`).padEnd(18);
  console.error(
    `  ${row.name.padEnd(42)} ${cell(row.value)} ${cell(row.baseline)} ${row.ratio === null ? "" : `${row.ratio}×`}`,
  );
}
console.error("\n  targets");
for (const c of checks) console.error(`  ${c.pass ? "pass" : "MISS"}  ${c.target.padEnd(55)} ${c.detail}`);
console.error(
  `\n  load average after the run: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
process.exit(0);
