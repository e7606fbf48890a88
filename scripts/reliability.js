// `npm run test:reliability [-- --rounds N]`: runs the reliability checks and prints one summary.
//
// Each check is a test file (or script) that prints, on stdout, one or more lines
//   PREFIX key=value key=value …
// (PREFIX in capitals — RELIABILITY, or the check's own: HOSTILE, MATRIX, CONCURRENCY; keys
// letters, digits and _; values non-negative integers; a key printed twice is summed). This
// script runs the checks present, collects their figures and judges them: every check must exit
// 0 and every "must be zero" figure must be 0. A check whose file is missing is reported, not
// failed. Full logs go to tests/.tmp/reliability/<check>.log. Needs `npm run build` first (the
// npm script does it): the crash rounds run the production server.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const vitest = [path.resolve("node_modules/.bin/vitest"), "run"];

/** figures: [label, accepted keys ("PREFIX.key", first found wins), must be zero] */
const CHECKS = [
  {
    id: "hostile-input",
    title: "hostile input",
    file: "tests/integration/hostile-input.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["payloads tried", ["HOSTILE.payloads", "RELIABILITY.hostile_payloads"], false],
      ["500s seen", ["HOSTILE.errors500", "RELIABILITY.hostile_500s"], true],
      ["refused payloads that changed rows", ["HOSTILE.rowsChanged"], true],
    ],
  },
  {
    id: "access-matrix",
    title: "access matrix",
    file: "tests/integration/access-matrix.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["cells checked", ["MATRIX.cells", "RELIABILITY.matrix_cells"], false],
      ["unexpected allows", ["MATRIX.unexpectedAllows", "RELIABILITY.matrix_unexpected_allows"], true],
      ["unexpected denies", ["MATRIX.unexpectedDenies"], true],
      ["leaks", ["MATRIX.leaks"], true],
      ["500s", ["MATRIX.errors"], true],
    ],
  },
  {
    id: "crash-durability",
    title: "crash durability",
    file: "tests/durability/run.js",
    command: (file, { rounds }) => ["node", "--import", "tsx", file, "--rounds", rounds],
    figures: [
      ["kill -9 rounds", ["RELIABILITY.kill_rounds"], false],
      ["acknowledged writes", ["RELIABILITY.acknowledged_writes"], false],
      ["acknowledged writes lost", ["RELIABILITY.acknowledged_writes_lost"], true],
      ["integrity check failures", ["RELIABILITY.integrity_failures"], true],
    ],
  },
  {
    id: "concurrency",
    title: "concurrency",
    file: "tests/integration/concurrency.test.ts",
    command: (file) => [...vitest, file],
    figures: [
      ["concurrent duplicates fired", ["CONCURRENCY.fired", "RELIABILITY.concurrent_duplicates"], false],
      ["double applies", ["CONCURRENCY.doubleApplies", "RELIABILITY.double_applies"], true],
    ],
  },
];

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Sums the key=value pairs of every `PREFIX key=value …` line, as { "PREFIX.key": n }. */
export function parseFigures(output) {
  const figures = {};
  for (const line of output.replace(ANSI, "").split("\n")) {
    const match = /^\s*([A-Z][A-Z_]*)((?:\s+[A-Za-z0-9_]+=\d+)+)\s*$/.exec(line);
    if (!match) continue;
    for (const pair of match[2].trim().split(/\s+/)) {
      const [key, value] = pair.split("=");
      const name = `${match[1]}.${key}`;
      figures[name] = (figures[name] ?? 0) + Number(value);
    }
  }
  return figures;
}

/** The first of the accepted keys that was printed. */
function pick(figures, keys) {
  const key = keys.find((k) => figures[k] !== undefined);
  return key === undefined ? undefined : { key, value: figures[key] };
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
    results.push({ check, present: true, code, figures: parseFigures(output) });
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
    for (const [label, keys, mustBeZero] of check.figures) {
      const found = pick(figures, keys);
      if (found === undefined) {
        missing++;
        parts.push(`${label}: ?`);
        continue;
      }
      machine.push(`${found.key}=${found.value}`);
      const bad = mustBeZero && found.value > 0;
      if (bad) failed = true;
      parts.push(`${label}: ${found.value}${bad ? " ✗" : ""}`);
    }
    if (code !== 0) failed = true;
    const status = code === 0 ? "" : `  ✗ tests failed (exit ${code})`;
    const note = missing > 0 ? "  ('?': the check printed no figure for it)" : "";
    console.log(`  ${check.title.padEnd(18)} ${parts.join(", ")}${status}${note}`);
  }
  console.log(`RELIABILITY-SUMMARY ${machine.join(" ")}`);
  console.log(failed ? "✗ reliability checks failed" : "✓ reliability checks passed");
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/reliability.js")) await main();
