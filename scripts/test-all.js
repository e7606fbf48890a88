// `npm test`: every test, in the order that finishes soonest on a 2-core machine, failing fast.
//
// Five lanes at once:
// - the typecheck; the lint (each mostly one core, about a minute);
// - the production build, then the browser suite on it (SQLite; `npm run test:e2e` builds first
//   when run alone): it waits on the browser and on the servers it starts as much as it computes;
// - the schema twins check, the unit and integration suite on SQLite (one vitest worker), then the
//   two servers on one PostgreSQL database on the same build;
// - the integration suite on PostgreSQL (one worker, which waits on the database's round trips
//   for about 40 % of its time). Both PostgreSQL parts run scripts/test-pg.js: skipped with a
//   warning when no PostgreSQL answers, a failure with REQUIRE_POSTGRES=1 as in CI.
// The two-server tests follow the SQLite suite, not the PostgreSQL one: the two suites end within
// a minute of each other, and the PostgreSQL lane is the longer.
// Measured on 2 cores: docs/performance.md, "The test suite's time". A lane's output is printed
// when every lane has ended, whole, so that they do not interleave; a failing command stops the
// other lanes.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

const npmScript = (script) => [npm, ["run", "--silent", script]];

const running = new Set();
let stopping = false;
let wakeWaiting;
/** Resolves when a lane fails: a lane waiting on another lane's step stops waiting. */
const stopped = new Promise((resolve) => (wakeWaiting = resolve));

/** Stops every lane's running command (its whole process group): one lane has failed. */
function stopAll() {
  stopping = true;
  wakeWaiting();
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

// Ctrl-C or CI's timeout: the lanes' process groups do not get the terminal's signal themselves.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/**
 * Runs commands ([command, args], or an npm script's name) one after another with their output
 * kept; resolves to the first failure or null. A failure stops the other lanes (fail fast). A
 * function among the commands is a step of the lane's own: called, and waited for.
 */
function lane(name, commands) {
  return new Promise((resolve) => {
    let output = "";
    const next = (index) => {
      if (stopping) return resolve({ name, output, failed: null, stopped: true });
      if (index === commands.length) return resolve({ name, output, failed: null });
      if (typeof commands[index] === "function") {
        Promise.race([commands[index](), stopped]).then(
          () => next(index + 1),
          (error) => {
            stopAll();
            resolve({ name, output, failed: `a step (${error})` });
          },
        );
        return;
      }
      const [command, args] =
        typeof commands[index] === "string" ? npmScript(commands[index]) : commands[index];
      const label = `${command === npm ? "npm" : command} ${args.join(" ")}`;
      // its own process group, so that stopAll reaches vitest's workers and the test servers
      const child = spawn(command, args, { env: process.env, detached: true });
      running.add(child);
      output += `\n» ${label} (${elapsed()})\n`;
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (code) => {
        running.delete(child);
        if (code === 0) return next(index + 1);
        if (stopping) return resolve({ name, output, failed: null, stopped: true });
        stopAll();
        resolve({ name, output, failed: `${label} (exit ${code})` });
      });
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
  for (const { name, output, stopped } of results) {
    console.log(`\n──────── ${name}${stopped ? " (stopped: another lane failed)" : ""} ────────`);
    process.stdout.write(output);
  }
  const failures = results.filter((l) => l.failed);
  for (const { name, failed } of failures) console.error(`✗ ${name}: ${failed} failed`);
  if (failures.length) {
    console.log(`\n✗ failed after ${elapsed()}`);
    process.exit(1);
  }
}

// The lanes start at once: the typecheck, the lint and the schema twins check beside the suites,
// not a minute before them (they fail fast all the same). The browser suite starts on the
// production build (a few seconds); the two-server tests wait for that build too.
let buildDone;
const built = new Promise((resolve) => (buildDone = resolve));

await together([
  { name: "typecheck", commands: ["typecheck"] },
  { name: "lint", commands: ["lint"] },
  {
    name: "build, then the browser suite",
    commands: ["build", () => buildDone(), ["node", ["--import", "tsx", "tests/e2e/run.ts"]]],
  },
  {
    name: "schema twins, SQLite, then two servers on PostgreSQL",
    commands: ["check:schema", "test:unit", () => built, ["node", ["scripts/test-pg.js", "--e2e"]]],
  },
  { name: "PostgreSQL", commands: ["test:pg"] },
]);
console.log(`\n✓ every test passed in ${elapsed()}`);
