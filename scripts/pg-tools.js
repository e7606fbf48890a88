// pg_dump / pg_restore / psql for the PostgreSQL database of a URL (Debian: apt-get install
// postgresql-client; their major version must be at least the server's).
import { spawnSync } from "node:child_process";

/** Connection options and environment for the PostgreSQL client programs. */
export function clientArgs(url) {
  const parsed = new URL(url);
  const args = [
    "--host",
    decodeURIComponent(parsed.hostname) || "localhost",
    "--port",
    parsed.port || "5432",
    "--username",
    decodeURIComponent(parsed.username) || "postgres",
  ];
  const env = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  return { args, env, database: decodeURIComponent(parsed.pathname.slice(1)) };
}

/** Runs a client program; exits with a clear message when it is missing or fails. */
export function runTool(tool, args, env) {
  const result = spawnSync(tool, args, { env, encoding: "utf8" });
  if (result.error?.code === "ENOENT") {
    console.error(`✗ ${tool} is not installed: apt-get install postgresql-client`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`✗ ${tool} failed (exit ${result.status}):\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout;
}
