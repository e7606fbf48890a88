// Deletes the SQLite database (prisma migrate reset is broken with the WASM engine), then
// migrates and seeds it again.
import { rmSync } from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL ?? `file:${path.resolve("data", "portal.db")}`;
if (!url.startsWith("file:")) {
  console.error("db:reset only resets SQLite files; DATABASE_URL is not a file: URL");
  process.exit(1);
}
const file = path.resolve(url.slice("file:".length));
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`✓ deleted ${file}`);
await import("./setup.js");
