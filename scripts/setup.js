// Prepares the database: applies committed migrations, then seeds when it is empty.
// Used by `npm start`, `npm run dev` and the browser tests. Idempotent.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

function run(label, command, args) {
  const started = Date.now();
  process.stdout.write(`» ${label}…\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

if (!process.env.DATABASE_URL) mkdirSync(path.resolve("data"), { recursive: true });
const bin = (name) => path.resolve("node_modules", ".bin", name);
run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"]);
run("seed (skipped when the database already has data)", bin("tsx"), ["prisma/seed.ts"]);
