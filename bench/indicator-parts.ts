/**
 * Where the dashboard's time goes (npx tsx bench/indicator-parts.ts, on the bench's dataset):
 * each fact query of getIndicatorReport timed alone for two years, the bureau's default view
 * (by sub-district) — median of 3 after a warm-up. A diagnostic beside `npm run bench`.
 * `--past`: the report made eleven days after the period's end, as `indicators.cached.miss` is
 * (the loan book and the firm counts at a past day instead of the present).
 */
import { BENCH_BUREAU } from "./dataset";
import { BENCH_FILE } from "./paths";

process.env.DATABASE_URL ??= `file:${BENCH_FILE}`;
const facts = await import("../app/models/indicator-facts.server");
const { getIndicatorReport } = await import("../app/models/indicators.server");
const NOW = new Date(process.argv.includes("--past") ? "2026-12-07T01:00:00Z" : "2026-11-26T01:00:00Z");
const bureau = BENCH_BUREAU;
const filter = { fromDay: "2024-11-27", toDay: "2026-11-26" };
const query = facts.factQuery(filter, NOW);
async function time(name: string, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const out = await work();
    times.push(performance.now() - t);
    size = Array.isArray(out) ? out.length : 0;
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${times[1].toFixed(0).padStart(7)} ms  ${size ? `${size} rows` : ""}`);
}
const dim = "subDistrict" as const;
const { ensureIndicatorDays, loadReportCalendar } = await import("../app/models/indicator-days.server");
await time("loadReportCalendar", () => loadReportCalendar(NOW));
const { context, fingerprint } = await loadReportCalendar(NOW);
await ensureIndicatorDays(fingerprint);
await time("ensureIndicatorDays (up to date)", () => ensureIndicatorDays(fingerprint));
await time("rollupCells", async () => [...(await facts.rollupCells(query, dim, context.today))]);
await time("renewalFacts", () => facts.renewalFacts(query, dim));
await time("loanBookFacts", () => facts.loanBookFacts(query, dim, NOW.toISOString().slice(0, 10)));
await time("alertAckFacts", () => facts.alertAckFacts(query, dim));
await time("firmFacts(subDistrict)", () => facts.firmFacts(query, dim, { bankOnly: false }));
await time("firmFacts(month)", () => facts.firmFacts(query, "month", { bankOnly: false }));
await time("registeredBefore", () => facts.registeredBefore(query, query.from));
await time("getIndicatorReport", () => getIndicatorReport(bureau, filter, { dimension: dim, now: NOW }));
