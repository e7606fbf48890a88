// `npm start`: the portal on this machine with demo data and the mock credit platform.
// Production deployments set NODE_ENV, SESSION_SECRET, CREDIT_PLATFORM_URL/TOKEN themselves
// and run `npm run start:prod` (README, "Deploying").
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

process.env.NODE_ENV ??= "production";
process.env.MOCKS ??= "true";

if (!process.env.SESSION_SECRET) {
  // A generated secret, kept next to the demo database so sessions survive restarts.
  const file = path.resolve("data", ".session-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = readFileSync(file, "utf8").trim();
}

await import("./setup.js");
await import("../server.js");
