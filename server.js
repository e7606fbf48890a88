// The portal's HTTP server: Express + the Remix request handler.
// Why not remix-serve: it replaces Node's fetch, which breaks msw's interception of the
// credit platform (../shared/STACK.md). This is also the place for compression, static
// caching, security headers, the request-size limit and /healthz.
import { randomBytes } from "node:crypto";
import path from "node:path";
import url from "node:url";

import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";

import { noStoreForSignedIn, refuseConnect, refuseOtherMethods } from "./server/http-guards.js";

const root = path.dirname(url.fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === "production";
const mocks = process.env.MOCKS ? ["true", "1"].includes(process.env.MOCKS) : !production;
const port = Number(process.env.PORT ?? 3000);
/** Largest request body accepted (forms are small; nothing is uploaded as a file). */
const MAX_BODY_BYTES = 1024 * 1024;

if (mocks) {
  // msw serves the credit platform inside this process (dev, demo and tests).
  await import(url.pathToFileURL(path.join(root, "build", "mocks", "index.js")).href);
}

const buildPath = url.pathToFileURL(path.join(root, "build", "index.js")).href;
const build = await import(buildPath);
const status = await build.entry.module.startup();

/** "2" means two hops; anything else is Express's list of addresses, subnets or names. */
function trustProxySetting(value) {
  return /^\d+$/.test(value) ? Number(value) : value;
}

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY names it (e.g. "loopback", "10.0.0.0/8" or a hop count);
// only then is X-Forwarded-For used for the client's address (the per-IP login throttle).
if (process.env.TRUST_PROXY) app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const connect = production ? "'self'" : "'self' ws://localhost:* ws://127.0.0.1:*";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${connect}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// TRACE, CONNECT, WebDAV…: 405 with Allow, before anything reads the request.
app.use(refuseOtherMethods);

/** The bank API under /api/: signed requests of bank systems, answered in the API's own shapes. */
const isApi = (req) => req.path.startsWith("/api/");

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  // The API streams its body through its own 1 MiB limit (app/api/endpoint.server.ts), chunked or not.
  if (isApi(req)) return next();
  const length = Number(req.headers["content-length"] ?? "NaN");
  if (Number.isFinite(length) ? length > MAX_BODY_BYTES : req.headers["transfer-encoding"] !== undefined) {
    res.status(413).type("text/plain").send("Payload Too Large");
    return;
  }
  next();
});

// CSRF: a state-changing request from a browser carries Origin (or at least Referer); it must
// be this site. (The session cookie is also SameSite=Lax.) Requests without either come from
// scripts, not from a victim's browser. The API is exempt: it reads no cookie, a request is
// authenticated by its HMAC signature alone, so a cross-site page cannot act with a bank's rights.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (isApi(req)) return next();
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return next();
  let host;
  try {
    host = new URL(source).host;
  } catch {
    host = null;
  }
  if (host !== req.headers.host) {
    res.status(403).type("text/plain").send("Forbidden: cross-site request");
    return;
  }
  next();
});

app.use(compression());

app.get("/healthz", async (_req, res) => {
  try {
    await build.entry.module.healthCheck();
    res.status(200).type("text/plain").send("ok");
  } catch (error) {
    console.error("healthz:", error);
    res.status(503).type("text/plain").send("database unavailable");
  }
});

app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

// After the static files: assets keep their caching, everything a signed-in user gets is private.
app.use(noStoreForSignedIn);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    // req.ip honours TRUST_PROXY: X-Forwarded-For is believed only from configured proxies.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
  }),
);

const server = app.listen(port, () => {
  // Scheduled work (app/jobs) runs in this process unless JOBS=off.
  const { jobs } = build.entry.module.startJobs();
  console.log(
    `信易贷 portal on http://localhost:${port} (${production ? "production" : "development"}, credit platform: ${status.mocks ? "mock" : "real"}, scheduled jobs: ${jobs ? "on" : "off"})`,
  );
  if (!production) broadcastDevReady(build);
});
// Node answers CONNECT apart from Express (by dropping the connection): refuse it with a 405 too.
server.on("connect", refuseConnect);

function shutdown() {
  // Runs in flight record that they were interrupted and free their leases for another server.
  const jobs = build.entry.module.stopJobs().catch((error) => console.error("stopping jobs:", error));
  const http = new Promise((resolve) => server.close(resolve));
  Promise.all([jobs, http]).then(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
