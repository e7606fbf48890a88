// `npm run backup [FILE]` on SQLite: a consistent copy of the live database while the portal keeps
// serving, through SQLite's online backup API. The pages are copied in ONE step, inside one read
// transaction: in WAL mode writers carry on meanwhile, and the copy is exactly one committed
// state. (Copying in small steps would restart whenever the portal writes between two steps,
// and under steady load never finish.)
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { sqliteFile } from "./sqlite-file.js";

const source = sqliteFile();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join("backups", `portal-${stamp}.db`));
mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 5000 });
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
console.log(`» backup of ${source} → ${target}`);
await db.backup(target, {
  progress({ totalPages }) {
    const mib = ((totalPages * db.pragma("page_size", { simple: true })) / 1024 / 1024).toFixed(1);
    console.log(`  copying ${totalPages} pages (${mib} MiB) in one read transaction…`);
    return 0x7fffffff;
  },
});
db.close();
console.log(`  copied (${seconds()}); checking the copy's integrity…`);

const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
copy.close();
if (check !== "ok") {
  console.error(`✗ the copy failed its integrity check: ${check}`);
  process.exit(1);
}
const size = (statSync(target).size / 1024 / 1024).toFixed(1);
console.log(`✓ backup of ${source} → ${target} (${size} MiB, ${Date.now() - started} ms, integrity ok)`);
