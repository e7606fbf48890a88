import path from "node:path";

/**
 * The dataset's tier: T2 (the default) is a city — 100k firms; T1 (`--tier=T1` or
 * `BENCH_TIER=T1`) a district — every count a tenth of T2's (bench/dataset.ts, SCALE), so that
 * a page's p95 at T2 ÷ at T1 shows how it grows (issue 15).
 */
export const BENCH_TIER: "T1" | "T2" =
  (process.argv.find((a) => a.startsWith("--tier="))?.slice("--tier=".length) ?? process.env.BENCH_TIER) ===
  "T1"
    ? "T1"
    : "T2";

/** The benchmark's database file (its parameters beside it in `<file>.json`). */
export const BENCH_FILE = path.resolve("bench-data", BENCH_TIER === "T2" ? "city.db" : "district.db");

/**
 * The PostgreSQL dataset's database. With `DATABASE_URL=postgres://…` the URL names only the
 * server: the bench works in this database on it (bench/run.ts), never in the one named.
 */
export const BENCH_DATABASE = BENCH_TIER === "T2" ? "xinyidai_bench" : "xinyidai_bench_t1";
