// Empties the database (prisma migrate reset is broken with the WASM engine), then migrates and
// seeds it again. SQLite: deletes the file. PostgreSQL: drops and re-creates the `public` schema
// of DATABASE_URL's database — only with `-- --yes`, as that database may be a shared server's.
import { rmSync } from "node:fs";
import path from "node:path";

import { isPostgresUrl, onServer } from "./postgres.js";

const url = process.env.DATABASE_URL ?? `file:${path.resolve("data", "portal.db")}`;
if (isPostgresUrl(url)) {
  const database = new URL(url).pathname.slice(1);
  if (!process.argv.includes("--yes")) {
    console.error(`db:reset would drop every table of PostgreSQL database ${database}: run it with -- --yes`);
    process.exit(2);
  }
  await onServer(url, (client) => client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public"));
  console.log(`✓ emptied PostgreSQL database ${database}`);
} else if (url.startsWith("file:")) {
  const file = path.resolve(url.slice("file:".length));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`✓ deleted ${file}`);
} else {
  console.error("db:reset needs a file: (SQLite) or postgres:// DATABASE_URL");
  process.exit(1);
}
await import("./setup.js");
