// Runs every browser test file (tests/e2e/*.e2e.ts) with Node's test runner, through tsx, after
// migrating and seeding one database that each test server copies (harness.ts, prepareTemplate).
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

import { prepareTemplate } from "./harness";

const files = readdirSync("tests/e2e")
  .filter((name) => name.endsWith(".e2e.ts"))
  .map((name) => `tests/e2e/${name}`);
const templateDir = path.resolve("tests/.tmp-e2e", `template-${process.pid}`);
const template = path.join(templateDir, "portal.db");
const started = Date.now();
prepareTemplate(template);
console.log(`# the seeded template database: ${((Date.now() - started) / 1000).toFixed(1)} s`);
const result = spawnSync("node", ["--import", "tsx", "--test", "--test-concurrency=1", ...files], {
  stdio: "inherit",
  env: { ...process.env, E2E_TEMPLATE_DB: template },
});
rmSync(templateDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
