/**
 * A signed request to the bank API, as a bank system sends it (README, "Bank API"):
 *
 *   npx tsx scripts/api-call.ts GET /api/v1/applications?state=SUBMITTED
 *   npx tsx scripts/api-call.ts POST /api/v1/applications/XYD-20261126-0001/transitions '{"action":"accept","version":0}'
 *
 * Environment: XYD_API_URL (default http://localhost:3000), XYD_API_KEY and XYD_API_SECRET
 * (default the seed's demo client of 郑州银行). Writes get a fresh Idempotency-Key unless
 * XYD_IDEMPOTENCY_KEY is set (set it to retry a write safely). Prints the status, the headers
 * that matter and the body; exits 1 on a 4xx/5xx.
 */
import { randomBytes } from "node:crypto";

import { signRequest } from "../app/domain/api-signature";
import { DEMO_API_KEY_ID, DEMO_API_SECRET } from "../app/models/demo";

const [method = "GET", target = "/api/v1/openapi.json", body = ""] = process.argv.slice(2);
const base = process.env.XYD_API_URL ?? "http://localhost:3000";
const url = new URL(target, base);
const pathWithQuery = `${url.pathname}${url.search}`;
const upper = method.toUpperCase();
const write = !["GET", "HEAD"].includes(upper);

const headers: Record<string, string> = {
  ...signRequest({
    keyId: process.env.XYD_API_KEY ?? DEMO_API_KEY_ID,
    secret: process.env.XYD_API_SECRET ?? DEMO_API_SECRET,
    method: upper,
    pathWithQuery,
    body,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: randomBytes(16).toString("base64url"),
  }),
  "Accept-Language": process.env.XYD_LANG ?? "zh-CN",
};
if (write)
  headers["Idempotency-Key"] = process.env.XYD_IDEMPOTENCY_KEY ?? `cli-${randomBytes(12).toString("hex")}`;
if (body) headers["Content-Type"] = "application/json";

const response = await fetch(url, { method: upper, headers, body: write && body ? body : undefined });
console.error(`${response.status} ${response.statusText}`);
for (const name of ["Content-Type", "Retry-After", "Idempotent-Replayed"]) {
  const value = response.headers.get(name);
  if (value) console.error(`${name}: ${value}`);
}
const text = await response.text();
const json = (response.headers.get("Content-Type") ?? "").includes("json");
console.log(json ? JSON.stringify(JSON.parse(text), null, 2) : text);
process.exitCode = response.status >= 400 ? 1 : 0;
