import path from "node:path";

/**
 * Where the database is. `DATABASE_URL` wins; the default is an SQLite file under
 * `data/` in the project folder. Shared by the app, the CLI config and the scripts so
 * that they can never disagree.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DATABASE_URL?.trim();
  if (!configured) return `file:${path.resolve("data", "portal.db")}`;
  if (configured.startsWith("file:")) {
    const file = configured.slice("file:".length);
    return `file:${path.resolve(file)}`;
  }
  return configured;
}

/** The file path of an SQLite `file:` URL. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`not an SQLite file URL: ${url}`);
  return url.slice("file:".length);
}
