/**
 * `npm run bench`: city-scale figures, each against a baseline measured in the same run.
 * Not part of `npm test`. See docs/performance.md for what is measured and the last figures.
 *
 *   npm run bench [-- --rebuild] [--skip-build] [--only=candidates,indicators,http,ssr,writes,bundle]
 *                 [--pages=candidates,gov,dashboard]   (the pages the http section requests)
 *
 * The database is `bench-data/city.db` (built once, reused while its parameters match). The app's
 * modules read DATABASE_URL when they are first imported, so it is set here before anything of
 * the app is loaded (bench/main.ts).
 */
import { BENCH_FILE } from "./paths";

// A PostgreSQL address is kept (bench/driver.ts refuses it until its pg side is written).
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))
  process.env.DATABASE_URL = `file:${BENCH_FILE}`;
// the dashboard's cache as in production (the tests turn it off)
process.env.INDICATOR_CACHE_SECONDS ??= "120";

await import("./main");
