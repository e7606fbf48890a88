// `npm run test:reliability [-- --rounds N]`: runs the reliability checks and prints one summary.
//
// Each check is a test file (or script) that prints, on stdout, one or more lines
//   RELIABILITY key=value key=value …
// (keys [a-z0-9_]+, values non-negative integers; a key printed twice is summed). This script
// runs the ones present, collects their figures and judges them: every check must exit 0 and
// every "must be zero" figure must be 0. A check whose file is missing is reported, not failed.
// Full logs go to tests/.tmp/reliability/<check>.log. Needs `npm run build` first (the npm
// script does it): the crash rounds run the production server.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const vitest = [path.resolve("node_modules/.bin/vitest"), "run"];

/** figures: [key, label, mustBeZero] */
const CHECKS = [
  {
    id: "hostile-input",
    title: "hostile input",
    file: "tests/integration/hostile-input.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["hostile_payloads", "payloads tried", false],
      ["hostile_500s", "500s seen", true],
    ],
  },
  {
    id: "access-matrix",
    title: "access matrix",
    file: "tests/integration/access-matrix.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["matrix_cells", "cells checked", false],
      ["matrix_unexpected_allows", "unexpected allows", true],
    ],
  },
  {
    id: "crash-durability",
    title: "crash durability",
    file: "tests/durability/run.js",
    command: (file, { rounds }) => ["node", file, "--rounds", rounds],
    figures: [
      ["kill_rounds", "kill -9 rounds", false],
      ["acknowledged_writes", "acknowledged writes", false],
      ["acknowledged_writes_lost", "acknowledged writes lost", true],
      ["integrity_failures", "integrity check failures", true],
    ],
  },
  {
    id: "concurrency",
    title: "concurrency",
    file: "tests/integration/concurrency.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["concurrent_duplicates", "concurrent duplicates", true],
      ["double_applies", "double applies", true],
    ],
  },
];

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Sums the key=value pairs of every RELIABILITY line in a program's output. */
export function parseReliability(output) {
  const figures = {};
  for (const line of output.replace(ANSI, "").split("\n")) {
    const match = /(?:^|\s)RELIABILITY((?:\s+[a-z0-9_]+=\d+)+)\s*$/.exec(line);
    if (!match) continue;
    for (const pair of match[1].trim().split(/\s+/)) {
      const [key, value] = pair.split("=");
      figures[key] = (figures[key] ?? 0) + Number(value);
    }
  }
  return figures;
}

function run(argv) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "20" } } });
  const logDir = path.resolve("tests/.tmp/reliability");
  mkdirSync(logDir, { recursive: true });
  const results = [];
  for (const check of CHECKS) {
    if (!existsSync(check.file)) {
      console.log(`– ${check.title}: ${check.file} is not there yet (skipped)`);
      results.push({ check, present: false });
      continue;
    }
    const started = Date.now();
    process.stdout.write(`» ${check.title}: ${check.file}…\n`);
    const { code, output } = await run(check.command(check.file, args));
    const log = path.join(logDir, `${check.id}.log`);
    writeFileSync(log, output);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `  ${code === 0 ? "✓ passed" : `✗ exit ${code}`} in ${seconds} s (log: ${path.relative(".", log)})`,
    );
    results.push({ check, present: true, code, figures: parseReliability(output) });
  }

  console.log("\nReliability summary");
  let failed = false;
  const machine = [];
  for (const { check, present, code, figures } of results) {
    if (!present) {
      console.log(`  ${check.title.padEnd(18)} not run (no ${check.file})`);
      continue;
    }
    const parts = [];
    let missing = 0;
    for (const [key, label, mustBeZero] of check.figures) {
      const value = figures[key];
      if (value === undefined) {
        missing++;
        parts.push(`${label}: ?`);
        continue;
      }
      machine.push(`${key}=${value}`);
      const bad = mustBeZero && value > 0;
      if (bad) failed = true;
      parts.push(`${label}: ${value}${bad ? " ✗" : ""}`);
    }
    if (code !== 0) failed = true;
    const status = code === 0 ? "" : `  ✗ tests failed (exit ${code})`;
    const note = missing > 0 ? "  (no RELIABILITY line for the '?' figures)" : "";
    console.log(`  ${check.title.padEnd(18)} ${parts.join(", ")}${status}${note}`);
  }
  console.log(`RELIABILITY-SUMMARY ${machine.join(" ")}`);
  console.log(failed ? "✗ reliability checks failed" : "✓ reliability checks passed");
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/reliability.js")) await main();
