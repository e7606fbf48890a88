// `npm run backup [FILE]`: a consistent backup of the live database while the portal keeps
// serving — SQLite's online backup API (backup-sqlite.js) or pg_dump (backup-postgres.js),
// chosen by DATABASE_URL like everything else.
import { isPostgresUrl } from "./postgres.js";

await import(isPostgresUrl(process.env.DATABASE_URL) ? "./backup-postgres.js" : "./backup-sqlite.js");
