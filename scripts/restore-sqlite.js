// `npm run restore FILE` on SQLite: puts a backup back. Stop the portal first: a running server keeps
// serving its old connection. The backup is checked before anything is overwritten, and the
// current database is kept next to it as <name>.before-restore-<time>.db.
import { existsSync } from "node:fs";

import Database from "better-sqlite3";

import { sqliteFile } from "./sqlite-file.js";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error("usage: npm run restore <backup file>");
  process.exit(2);
}
console.log(`» restore of ${file}: checking its integrity…`);
const backup = new Database(file, { readonly: true, fileMustExist: true });
const check = backup.pragma("integrity_check", { simple: true });
if (check !== "ok") {
  console.error(`✗ ${file} failed its integrity check (${check}); nothing was changed`);
  process.exit(1);
}
const target = sqliteFile();
if (existsSync(target)) {
  const keep =
    target.replace(/\.db$/, "") + `.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
  const live = new Database(target, { readonly: true });
  await live.backup(keep);
  live.close();
  console.log(`  kept the current database as ${keep}`);
}
console.log(`  copying it to ${target}…`);
await backup.backup(target);
backup.close();
const restored = new Database(target);
restored.pragma("journal_mode = WAL");
restored.close();
console.log(`✓ restored ${file} → ${target}`);
