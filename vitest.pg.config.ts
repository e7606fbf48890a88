// `npm run test:pg`: the integration suite on PostgreSQL (TEST_POSTGRES_URL, default the local
// server), each test file on its own throw-away database (tests/setup/global-setup.ts).
import { defineConfig } from "vitest/config";

import base from "./vitest.config";

process.env.TEST_DATABASE = "postgresql";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts", "tests/postgres/**/*.test.ts"],
    // SQLite's own: its pragmas and statistics, serialised connection and busy handling, and the online-backup
    // API (tests/postgres/ has PostgreSQL's counterparts)
    exclude: [
      "tests/integration/database.test.ts",
      "tests/integration/backup.test.ts",
      "tests/integration/sqlite-busy.test.ts",
      "tests/integration/sqlite-statistics.test.ts",
    ],
  },
});
