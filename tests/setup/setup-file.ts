import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";

// Every test file gets its own database, copied from the migrated template, before any
// app module (and so the Prisma client) is imported.
const tmp = path.resolve("tests/.tmp");
const template = path.join(tmp, "template.db");
if (existsSync(template)) {
  const file = path.join(tmp, `test-${process.pid}-${randomUUID()}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-0123456789abcdef0123456789";
process.env.MOCKS = "true";
delete (globalThis as { __db?: unknown }).__db;
