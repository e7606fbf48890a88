// The SQLite file behind DATABASE_URL (same rule as app/database-url.server.ts).
import path from "node:path";

export function sqliteFile(env = process.env) {
  const url = env.DATABASE_URL?.trim() || `file:${path.resolve("data", "portal.db")}`;
  if (!url.startsWith("file:")) {
    throw new Error(
      "DATABASE_URL is not an SQLite file: URL; on PostgreSQL use pg_dump / pg_restore (README)",
    );
  }
  return path.resolve(url.slice("file:".length));
}
