// `npm run test:pg`: the integration suite on PostgreSQL (vitest.pg.config.ts);
// `npm run test:pg:e2e`: two production servers on one PostgreSQL database (tests/postgres/*.e2e.ts,
// after `npm run build`). The server is TEST_POSTGRES_URL (default the local one). Without one
// both are skipped with a message — unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

import { postgresProblem, testPostgresUrl } from "./postgres.js";

const e2e = process.argv.includes("--e2e");
const server = testPostgresUrl();
const problem = await postgresProblem(server);
if (problem) {
  if (process.env.REQUIRE_POSTGRES === "1") {
    console.error(`✗ REQUIRE_POSTGRES=1 but PostgreSQL at ${server} does not answer (${problem})`);
    process.exit(1);
  }
  console.warn(
    `! SKIPPED the PostgreSQL ${e2e ? "two-server tests" : "integration suite"}: ${server} does not answer (${problem}). ` +
      "Set TEST_POSTGRES_URL, or REQUIRE_POSTGRES=1 to make this a failure.",
  );
  process.exit(0);
}

const [command, args] = e2e
  ? [
      "node",
      [
        "--import",
        "tsx",
        "--test",
        "--test-concurrency=1",
        ...readdirSync(path.join("tests", "postgres"))
          .filter((file) => file.endsWith(".e2e.ts"))
          .map((file) => path.join("tests", "postgres", file)),
      ],
    ]
  : [
      path.resolve("node_modules", ".bin", "vitest"),
      ["run", "--config", "vitest.pg.config.ts", ...process.argv.slice(2)],
    ];
const result = spawnSync(command, args, {
  stdio: "inherit",
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
});
process.exit(result.status ?? 1);
