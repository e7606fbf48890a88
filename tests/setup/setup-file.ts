import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";

import { createDatabase, testPostgresUrl } from "../../scripts/postgres.js";

// Every test file gets its own database, copied from the run's migrated template, before any
// app module (and so the Prisma client) is imported.
const template = process.env.TEST_TEMPLATE_DB;
if (!template)
  throw new Error("TEST_TEMPLATE_DB is not set: run the tests through vitest (tests/setup/global-setup.ts)");
if (template.startsWith("postgres")) {
  const name = `${process.env.TEST_DATABASE_PREFIX}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const templateName = new URL(template).pathname.slice(1);
  // connected to the server's own database: nobody may be connected to a template being copied
  process.env.DATABASE_URL = await createDatabase(testPostgresUrl(), name, templateName);
  process.env.DATABASE_POOL_MAX ??= "4";
} else {
  const file = path.join(path.dirname(template), `test-${process.pid}-${randomUUID()}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-0123456789abcdef0123456789";
process.env.MOCKS = "true";
delete (globalThis as { __db?: unknown }).__db;

// Both catalogues, as on the server (app/i18n/translate.server.ts): unit tests call translate().
await import("../../app/i18n/translate.server");
