// `npm test`: every test, in the order that fails fast and finishes soonest on a 2-core machine.
//
// 1. typecheck, lint, the schema twins check, the unit and integration suite (SQLite): in turn,
//    each stopping the run when it fails;
// 2. then two lanes at once, since the browser suite spends much of its time waiting on the
//    browser and the servers it starts:
//    - the build, the browser suite (SQLite), then two servers on one PostgreSQL database;
//    - the integration suite on PostgreSQL (scripts/test-pg.js: skipped with a warning when no
//      PostgreSQL answers, a failure with REQUIRE_POSTGRES=1 as in CI).
//    A lane's output is printed when it ends, whole, so the two do not interleave.
import { spawn, spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

function step(script) {
  console.log(`\n» npm run ${script} (${elapsed()})`);
  const result = spawnSync(npm, ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ npm run ${script} failed (exit ${result.status ?? result.signal}) after ${elapsed()}`);
    process.exit(result.status ?? 1);
  }
}

/** Runs scripts one after another with their output kept; resolves to the first failure or null. */
function lane(name, scripts) {
  return new Promise((resolve) => {
    let output = "";
    const next = (index) => {
      if (index === scripts.length) return resolve({ name, output, failed: null });
      const child = spawn(npm, ["run", "--silent", scripts[index]], { env: process.env });
      output += `\n» npm run ${scripts[index]} (${elapsed()})\n`;
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (code) =>
        code === 0 ? next(index + 1) : resolve({ name, output, failed: `${scripts[index]} (exit ${code})` }),
      );
    };
    next(0);
  });
}

for (const script of ["typecheck", "lint", "check:schema", "test:unit"]) step(script);

console.log(`\n» two lanes at once (${elapsed()}): the browser suite | the PostgreSQL integration suite`);
const heartbeat = setInterval(() => console.log(`  … still running (${elapsed()})`), 60_000);
const lanes = await Promise.all([
  lane("browser", ["test:e2e", "test:pg:e2e"]),
  lane("postgres", ["test:pg"]),
]);
clearInterval(heartbeat);
for (const { name, output } of lanes) {
  console.log(`\n──────── lane: ${name} ────────`);
  process.stdout.write(output);
}
const failures = lanes.filter((l) => l.failed);
for (const { name, failed } of failures) console.error(`✗ lane ${name}: npm run ${failed} failed`);
console.log(failures.length ? `\n✗ failed after ${elapsed()}` : `\n✓ every test passed in ${elapsed()}`);
process.exit(failures.length ? 1 : 0);
