// `npm test`: every test, in the order that fails fast and finishes soonest on a 2-core machine.
//
// 1. the typecheck, the lint and the production build at once (each mostly one core), then the
//    schema twins check and the unit and integration suite (SQLite), each stopping the run when
//    it fails;
// 2. then two lanes at once, since the browser suite spends much of its time waiting on the
//    browser and the servers it starts:
//    - the browser suite (SQLite), then two servers on one PostgreSQL database — both on the
//      build of step 1 (`npm run test:e2e` and `test:pg:e2e` build first when run alone);
//    - the integration suite on PostgreSQL (scripts/test-pg.js: skipped with a warning when no
//      PostgreSQL answers, a failure with REQUIRE_POSTGRES=1 as in CI).
//    A lane's output is printed when it ends, whole, so the two do not interleave.
import { spawn, spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

const npmScript = (script) => [npm, ["run", "--silent", script]];

/**
 * Runs commands ([command, args], or an npm script's name) one after another with their output
 * kept; resolves to the first failure or null.
 */
function lane(name, commands) {
  return new Promise((resolve) => {
    let output = "";
    const next = (index) => {
      if (index === commands.length) return resolve({ name, output, failed: null });
      const [command, args] =
        typeof commands[index] === "string" ? npmScript(commands[index]) : commands[index];
      const label = `${command === npm ? "npm" : command} ${args.join(" ")}`;
      const child = spawn(command, args, { env: process.env });
      output += `\n» ${label} (${elapsed()})\n`;
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (code) =>
        code === 0 ? next(index + 1) : resolve({ name, output, failed: `${label} (exit ${code})` }),
      );
    };
    next(0);
  });
}

/** Lanes at once; their output printed whole when all have ended; exits on a failure. */
async function together(lanes) {
  console.log(`\n» ${lanes.map((l) => l.name).join(" | ")} at once (${elapsed()})`);
  const heartbeat = setInterval(() => console.log(`  … still running (${elapsed()})`), 60_000);
  const results = await Promise.all(lanes.map(({ name, commands }) => lane(name, commands)));
  clearInterval(heartbeat);
  for (const { name, output } of results) {
    console.log(`\n──────── ${name} ────────`);
    process.stdout.write(output);
  }
  const failures = results.filter((l) => l.failed);
  for (const { name, failed } of failures) console.error(`✗ ${name}: ${failed} failed`);
  if (failures.length) {
    console.log(`\n✗ failed after ${elapsed()}`);
    process.exit(1);
  }
}

function step(script) {
  console.log(`\n» npm run ${script} (${elapsed()})`);
  const result = spawnSync(npm, ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`✗ npm run ${script} failed (exit ${result.status ?? result.signal}) after ${elapsed()}`);
    process.exit(result.status ?? 1);
  }
}

await together([
  { name: "typecheck", commands: ["typecheck"] },
  { name: "lint", commands: ["lint"] },
  { name: "build", commands: ["build"] },
]);
for (const script of ["check:schema", "test:unit"]) step(script);

await together([
  {
    name: "browser",
    commands: [
      ["node", ["--import", "tsx", "tests/e2e/run.ts"]],
      ["node", ["scripts/test-pg.js", "--e2e"]],
    ],
  },
  { name: "postgres", commands: ["test:pg"] },
]);
console.log(`\n✓ every test passed in ${elapsed()}`);
