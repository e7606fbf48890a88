/**
 * The nightly credit refresh at city scale (issue 14; section "refresh" of bench/main.ts): the
 * portal's own `credit-refresh` job, started by hand through the bureau's jobs page on the
 * production build, against the credit-platform mock (MOCKS=true: msw in the server process).
 *
 * - refresh.firms: the firms the job must refresh (an outstanding loan or a live authorisation);
 * - refresh.firmsPerSecond: measured over `windowMs` with the throttle at the highest rate the
 *   setting allows (what the portal itself manages), the full pass projected from it, and the
 *   pass at the default 5 requests/s (two platform requests per firm);
 * - the page latency of a few busy pages, sequential, idle and while the job runs (target: p95
 *   while running ≤ 2× idle), and the server's RSS.
 *
 * The run is stopped with the server (it resumes at the next run: the cursor is saved per firm);
 * the firms it refreshed keep their new profiles (the dataset's credit data was never real).
 */
import { get, percentile } from "./http";

type Report = (name: string, value: number, unit: string, baseline?: number | null) => { value: number };
type Check = (target: string, pass: boolean, detail: string) => void;

export interface RefreshBenchOptions {
  base: string;
  bureauCookie: string;
  bankCookie: string;
  serverPid: number;
  report: Report;
  check: Check;
  log: (line: string) => void;
  memoryOf: (pid: number) => { peakMb: number; rssMb: number };
  /** how long the job is watched while it runs */
  windowMs?: number;
  /** the rate set for the run (the setting's maximum) */
  requestsPerSecond?: number;
}

async function timedGet(url: string, cookie: string) {
  const started = performance.now();
  await get(url, cookie);
  return performance.now() - started;
}

/** Requests the pages in turn for `ms`; the sorted times. */
async function sample(pages: { url: string; cookie: string }[], ms: number) {
  const times: number[] = [];
  const until = performance.now() + ms;
  for (let i = 0; performance.now() < until; i++) {
    const page = pages[i % pages.length];
    times.push(await timedGet(page.url, page.cookie));
  }
  return times.sort((a, b) => a - b);
}

export async function refreshBenchmark(options: RefreshBenchOptions) {
  const { base, report, check, log } = options;
  const windowMs = options.windowMs ?? 60_000;
  const rate = options.requestsPerSecond ?? 50;
  const { db } = await import("../app/db.server");
  const { nightlyRefreshWhere } = await import("../app/models/credit-profile.server");

  const firms = await db.enterprise.count({ where: nightlyRefreshWhere(new Date()) });
  report("refresh.firms", firms, "firms");
  // the setting as the bureau would set it on its settings page (the job reads it when a run starts)
  await db.setting.upsert({
    where: { key: "credit.nightlyRequestsPerSecond" },
    create: { key: "credit.nightlyRequestsPerSecond", value: String(rate) },
    update: { value: String(rate) },
  });

  const pages = [
    { url: `${base}/bank/loans`, cookie: options.bankCookie },
    { url: `${base}/bank/candidates`, cookie: options.bankCookie },
    { url: `${base}/bank/alerts`, cookie: options.bankCookie },
    { url: `${base}/gov`, cookie: options.bureauCookie },
    { url: `${base}/gov/risk-pool`, cookie: options.bureauCookie },
  ];
  log(
    `» (i) nightly credit refresh: ${firms.toLocaleString("en")} firms; pages idle for ${windowMs / 1000} s`,
  );
  for (const page of pages) await timedGet(page.url, page.cookie);
  const idle = await sample(pages, windowMs / 2);

  const startedAt = new Date();
  const refreshedBefore = await db.enterprise.count({ where: { creditRefreshedAt: { gte: startedAt } } });
  const response = await fetch(`${base}/gov/admin/jobs`, {
    method: "POST",
    headers: { cookie: options.bureauCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "run", job: "credit-refresh" }),
    redirect: "manual",
  });
  if (response.status !== 302 && response.status !== 303)
    throw new Error(`run now answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  log(`  job started at ${rate} requests/s; pages while it runs for ${windowMs / 1000} s`);
  // the first seconds: the job reads its settings and the first page of firms
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const t0 = performance.now();
  const countAt0 = await db.enterprise.count({ where: { creditRefreshedAt: { gte: startedAt } } });
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, options.memoryOf(options.serverPid).rssMb);
  }, 500);
  const busy = await sample(pages, windowMs);
  clearInterval(rssTimer);
  const countAt1 = await db.enterprise.count({ where: { creditRefreshedAt: { gte: startedAt } } });
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = (countAt1 - countAt0) / seconds;
  const run = await db.jobRun.findFirst({
    where: { job: "credit-refresh", startedAt: { gte: new Date(startedAt.getTime() - 1000) } },
    orderBy: { startedAt: "desc" },
    select: { status: true, errors: true, errorSample: true },
  });
  if (run?.errors) log(`  the run counted ${run.errors} failures, e.g. ${run.errorSample}`);
  log(
    `  ${countAt1 - refreshedBefore} firms refreshed so far (${perSecond.toFixed(1)}/s at ${rate} requests/s; status ${run?.status})`,
  );

  report("refresh.firmsPerSecond", perSecond, "firms/s", rate / 2);
  const passHours = firms / Math.max(perSecond, 0.001) / 3600;
  report("refresh.pass.projected", passHours, "h");
  report("refresh.pass.atDefaultRate", (firms * 2) / 5 / 3600, "h");
  report("refresh.serverRss.peak", peakRss, "MB");
  const idleP95 = percentile(idle, 0.95);
  const busyP95 = percentile(busy, 0.95);
  report("refresh.pages.idle.p95", idleP95, "ms");
  const row = report("refresh.pages.running.p95", busyP95, "ms", idleP95);
  report("refresh.pages.running.p50", percentile(busy, 0.5), "ms", percentile(idle, 0.5));
  check(
    "pages p95 while the nightly refresh runs ≤ 2× idle",
    row.value <= 2 * idleP95,
    `${row.value} ms vs ${idleP95.toFixed(1)} ms idle`,
  );
  // The default setting (5 requests/s: 2.5 firms/s) is what a night runs at: the portal must
  // manage at least that, so that the throttle, not the portal, sets the length of the pass.
  check(
    "the portal refreshes faster than the default throttle lets it (≥ 2.5 firms/s)",
    perSecond >= 2.5,
    `${perSecond.toFixed(1)} firms/s measured with the throttle at ${rate} requests/s`,
  );
}
