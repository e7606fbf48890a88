// Runs every browser test file (tests/e2e/*.e2e.ts) with Node's test runner, through tsx.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const files = readdirSync("tests/e2e")
  .filter((name) => name.endsWith(".e2e.ts"))
  .map((name) => `tests/e2e/${name}`);
const result = spawnSync("node", ["--import", "tsx", "--test", "--test-concurrency=1", ...files], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
