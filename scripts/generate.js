// `postinstall` and `npm run db:generate`: both Prisma clients, offline — the SQLite one to
// node_modules/.prisma/client (what `@prisma/client` exports), the PostgreSQL one to
// node_modules/.prisma/client-pg (loaded by app/db.server.ts when DATABASE_URL is postgres://).
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

const prisma = path.resolve("node_modules", ".bin", "prisma");
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  const result = spawnSync(prisma, ["generate", "--schema", schema], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A client generated to its own folder gets its own copy of Prisma's runtime, and so its own
// classes: `error instanceof Prisma.PrismaClientKnownRequestError` (P2002 handling) and
// Prisma.sql fragments would not be recognised across the two. The copy is byte-identical apart
// from a comment: point it at @prisma/client's runtime so that there is ONE runtime.
const copied = path.resolve("node_modules", ".prisma", "client-pg", "runtime");
const shared = path.resolve("node_modules", "@prisma", "client", "runtime");
if (!existsSync(shared)) throw new Error(`${shared} is missing: is @prisma/client installed?`);
if (!lstatSync(copied, { throwIfNoEntry: false })?.isSymbolicLink()) {
  rmSync(copied, { recursive: true, force: true });
  symlinkSync(path.relative(path.dirname(copied), shared), copied, "dir");
}
console.log("✓ the PostgreSQL client shares @prisma/client's runtime");
