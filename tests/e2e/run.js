// Runs every browser test file (tests/e2e/*.e2e.js) with Node's test runner.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const files = readdirSync("tests/e2e")
  .filter((name) => name.endsWith(".e2e.js"))
  .map((name) => `tests/e2e/${name}`);
const result = spawnSync("node", ["--test", "--test-concurrency=1", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
