import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";

// Every test file gets its own database, copied from the run's migrated template, before any
// app module (and so the Prisma client) is imported.
const template = process.env.TEST_TEMPLATE_DB;
if (!template)
  throw new Error("TEST_TEMPLATE_DB is not set: run the tests through vitest (tests/setup/global-setup.ts)");
const file = path.join(path.dirname(template), `test-${process.pid}-${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-0123456789abcdef0123456789";
process.env.MOCKS = "true";
delete (globalThis as { __db?: unknown }).__db;
