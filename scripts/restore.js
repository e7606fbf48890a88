// `npm run restore FILE`: puts a backup of `npm run backup` back (restore-sqlite.js or
// restore-postgres.js, chosen by DATABASE_URL). Stop the portal first.
import { isPostgresUrl } from "./postgres.js";

await import(isPostgresUrl(process.env.DATABASE_URL) ? "./restore-postgres.js" : "./restore-sqlite.js");
