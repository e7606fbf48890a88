import path from "node:path";

/** The benchmark's database file (its parameters beside it in `<file>.json`). */
export const BENCH_FILE = path.resolve("bench-data", "city.db");
