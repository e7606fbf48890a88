import path from "node:path";

/** The benchmark's database file (its parameters beside it in `<file>.json`). */
export const BENCH_FILE = path.resolve("bench-data", "city.db");

/**
 * The PostgreSQL dataset's database. With `DATABASE_URL=postgres://…` the URL names only the
 * server: the bench works in this database on it (bench/run.ts), never in the one named.
 */
export const BENCH_DATABASE = "xinyidai_bench";
