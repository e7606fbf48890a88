/**
 * `npm run bench`: city-scale figures, each against a baseline measured in the same run.
 * Not part of `npm test`. See docs/performance.md for what is measured and the last figures.
 *
 *   npm run bench [-- --rebuild] [--skip-build] [--only=api,candidates,indicators,http,ssr,writes,bundle,pages,refresh]
 *                 [--pages=candidates,gov,dashboard]   (the pages the http section requests)
 *                 [--tier=T1]   (a district: a tenth of the city's firms, applications, loans…)
 *
 * The database is `bench-data/city.db` (T1: `bench-data/district.db`) (built once, reused while its parameters match), or with
 * `DATABASE_URL=postgres://user@host:port/any` the database `xinyidai_bench` on that server (the
 * database named in the URL is not touched). The app's modules read DATABASE_URL when they are
 * first imported, so it is set here before anything of the app is loaded (bench/main.ts).
 */
import { withDatabase } from "../scripts/postgres.js";
import { BENCH_DATABASE, BENCH_FILE } from "./paths";

process.env.DATABASE_URL = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")
  ? withDatabase(process.env.DATABASE_URL!, BENCH_DATABASE)
  : `file:${BENCH_FILE}`;
// the dashboard's cache as in production (the tests turn it off)
process.env.INDICATOR_CACHE_SECONDS ??= "120";

// The bank API's section runs first, in a process of its own on a small database of its own
// (bench/api.ts): it needs the app's modules bound to that database, not to the city's.
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
if (!only || only.includes("api")) {
  const { spawnSync } = await import("node:child_process");
  const env = { ...process.env };
  delete env.DATABASE_URL;
  spawnSync(process.execPath, ["--import", "tsx", "bench/api.ts"], { stdio: "inherit", env });
}
if (!only || only.some((section) => section !== "api")) await import("./main");
