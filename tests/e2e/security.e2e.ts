// No browser: the production server (node server.js, NODE_ENV=production) over plain HTTP.
// Security headers and the CSP nonce, the cross-site check on every action route, no stack
// traces or SQL in any answer, and the per-IP login throttle behind (and without) a proxy.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import { DEMO_PASSWORD, freePort, runDir, waitForHealth } from "./harness";

/** A production server on its own seeded database; extra env (e.g. TRUST_PROXY) on top. */
async function startServer(name: string, extraEnv: Record<string, string> = {}) {
  const dir = runDir(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MOCKS: "true",
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, "portal.db")}`,
    SESSION_SECRET: "security-e2e-secret-0123456789abcdef0123456789",
    ...extraEnv,
  };
  const setup = spawnSync("node", ["scripts/setup.js"], { env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed:\n${setup.stdout}\n${setup.stderr}`);
  const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  return {
    baseUrl,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;

/** Every route module with an action (flat files and folder routes), as a URL path (params filled with a dummy id). */
function actionPaths() {
  return readdirSync("app/routes", { withFileTypes: true })
    .map((entry) =>
      entry.isDirectory()
        ? { route: entry.name, file: `app/routes/${entry.name}/route.tsx` }
        : { route: entry.name.replace(/\.tsx?$/, ""), file: `app/routes/${entry.name}` },
    )
    .filter(({ file }) => existsSync(file))
    .filter(({ file }) => /^export (async )?(function|const) action\b/m.test(readFileSync(file, "utf8")))
    .map(({ route }) => {
      const segments = route
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => (segment.startsWith("$") ? "clxxxxxxxxxxxxxxxxxxxxxxx" : segment));
      return `/${segments.join("/")}`;
    });
}

/** Signs in over HTTP and returns the Cookie header. */
async function signIn(baseUrl: string, username: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 302, `sign-in of ${username}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * A request written by hand (fetch refuses TRACE and CONNECT): status, lower-cased headers and
 * body, or status 0 when the connection closes without an answer.
 */
/** What rawRequest answers. */
interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function rawRequest(baseUrl: string, method: string, target: string, headers: string[] = []) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(
        [
          `${method} ${target} HTTP/1.1`,
          `Host: ${hostname}:${port}`,
          "Connection: close",
          ...headers,
          "",
          "",
        ].join("\r\n"),
      ),
    );
    let raw = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (raw += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      if (!raw) return resolve({ status: 0, headers: {}, body: "" });
      const [head, ...rest] = raw.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const fields = Object.fromEntries(
        lines.map((line) => [
          line.slice(0, line.indexOf(":")).trim().toLowerCase(),
          line.slice(line.indexOf(":") + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers: fields, body: rest.join("\r\n\r\n") });
    });
  });
}

const LEAKS = [
  /\bat \S+ \(.*:\d+:\d+\)/, // a stack frame
  /node_modules/,
  /\/work\/|\/home\/|\/app\/build\//,
  /SQLITE_|SqliteError|better-sqlite3/i,
  /PrismaClient|prisma\.\w+\.\w+\(|Invalid `.*` invocation/,
  /\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b/,
  /TypeError|ReferenceError|SyntaxError/,
];

function assertNoLeak(body: string, what: string) {
  for (const pattern of LEAKS) assert.doesNotMatch(body, pattern, `${what} leaks ${pattern}`);
}

describe("production server", () => {
  let portal: Server;
  before(async () => {
    portal = await startServer("security");
  });
  after(async () => {
    await portal?.stop();
  });

  test("sends the security headers, and a fresh CSP nonce that every script carries", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${portal.baseUrl}/login`);
      assert.equal(response.status, 200);
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      assert.ok(nonce, `CSP has a script nonce: ${csp}`);
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
      ])
        assert.ok(csp.includes(directive), `CSP has ${directive}`);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      assert.doesNotMatch(csp, /connect-src[^;]*ws:/, "no dev websocket in production");
      assert.equal(response.headers.get("x-frame-options"), "DENY");
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      assert.equal(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
      assert.equal(response.headers.get("x-powered-by"), null);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.ok(scripts.length > 0);
      for (const tag of scripts)
        assert.ok(tag.includes(`nonce="${nonce}"`), `script carries the nonce: ${tag}`);
      nonces.push(nonce);
    }
    assert.notEqual(nonces[0], nonces[1], "a new nonce per response");
  });

  test("refuses a cross-site POST on every action route, signed in or not", async () => {
    const cookie = await signIn(portal.baseUrl, "bureau");
    const paths = actionPaths();
    assert.ok(paths.length >= 20, `found the action routes (${paths.length})`);
    for (const pathname of paths) {
      for (const headers of [
        { Origin: "https://evil.example" },
        { Referer: "https://evil.example/page" },
      ] as Record<string, string>[]) {
        const response = await fetch(`${portal.baseUrl}${pathname}`, {
          method: "POST",
          redirect: "manual",
          headers: { ...headers, Cookie: cookie },
          body: new URLSearchParams({ intent: "x" }),
        });
        assert.equal(response.status, 403, `${pathname} with ${JSON.stringify(headers)}`);
        assert.match(await response.text(), /cross-site/);
      }
    }
    // The same form from the site itself is let through (here: a wrong password, 400).
    const own = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: portal.baseUrl },
      body: new URLSearchParams({ username: "bureau", password: "Wrong@2026" }),
    });
    assert.equal(own.status, 400);
  });

  test("answers broken and hostile requests without stack traces or SQL", async () => {
    const cookie = await signIn(portal.baseUrl, "bank");
    const probes: [string, string, Record<string, string>?, string?][] = [
      ["GET", "/no/such/page"],
      ["GET", "/products/%00%27%20OR%201%3D1"],
      ["GET", `/products/${"x".repeat(5000)}`],
      ["GET", "/bank/applications/clxxxxxxxxxxxxxxxxxxxxxxx"],
      ["GET", "/bank/candidates/'; DROP TABLE User; --"],
      ["GET", "/gov/admin/audit?from=2026-99-99&page=-1&action=%27"],
      ["GET", "/login?_data=routes%2Flogin"],
      ["GET", "/bank?_data=routes%2Fbank._index"],
      ["GET", "/products?_data=routes%2Fnot-a-route"],
      ["POST", "/login", { "Content-Type": "multipart/form-data" }, "garbage"],
      ["POST", "/login", { "Content-Type": "application/json" }, "{not json"],
      ["POST", "/bank/applications/clxxxxxxxxxxxxxxxxxxxxxxx", {}, "intent=approve&version=abc"],
      ["POST", "/products/clxxxxxxxxxxxxxxxxxxxxxxx?_data=routes%2Fproducts.%24id", {}, "amount=%00"],
      ["POST", "/login", {}, "x".repeat(2 * 1024 * 1024)],
    ];
    for (const [method, pathname, headers = {}, body] of probes) {
      const response = await fetch(`${portal.baseUrl}${pathname}`, {
        method,
        redirect: "manual",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body,
      });
      const text = await response.text();
      assertNoLeak(text, `${method} ${pathname.slice(0, 60)} → ${response.status}`);
      assert.ok(response.status < 500, `${method} ${pathname.slice(0, 60)} → ${response.status}`);
    }
  });

  test("refuses TRACE, CONNECT and the methods it does not serve with 405 and Allow", async () => {
    const cookie = `Cookie: ${await signIn(portal.baseUrl, "bank")}`;
    const allow = "GET, HEAD, POST, PUT, PATCH, DELETE";
    const probes = [
      ["TRACE", "/login"],
      ["TRACE", "/"],
      ["TRACE", "/healthz"],
      ["TRACE", "/bank/applications"],
      ["CONNECT", "evil.example:443"],
      ["CONNECT", "/login"],
      ["OPTIONS", "/login"],
      ["PROPFIND", "/bank"],
      ["MKCOL", "/build/x"],
    ];
    for (const [method, target] of probes) {
      const response = await rawRequest(portal.baseUrl, method, target, [cookie]);
      assert.equal(response.status, 405, `${method} ${target}`);
      assert.equal(response.headers.allow, allow, `${method} ${target} Allow`);
      assert.doesNotMatch(response.body, /xyd_session/, `${method} ${target} echoes nothing back`);
      assertNoLeak(response.body, `${method} ${target}`);
    }
    // the methods it serves still pass the guard
    assert.equal((await rawRequest(portal.baseUrl, "GET", "/login")).status, 200);
    assert.equal((await rawRequest(portal.baseUrl, "HEAD", "/login")).status, 200);
  });

  test("everything said to a signed-in user is private, no-store; public pages and assets keep their caching", async () => {
    const noStore = "private, no-store";
    const html = await (await fetch(`${portal.baseUrl}/login`)).text();
    const asset =
      /<script[^>]+src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ??
      /"(\/build\/[^"]+-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    assert.ok(asset, "a hashed script on the page");

    // signed out: public pages carry no Cache-Control of ours
    for (const pathname of ["/", "/login", "/products", "/register"]) {
      const response = await fetch(`${portal.baseUrl}${pathname}`, { redirect: "manual" });
      assert.equal(response.status, 200, pathname);
      assert.equal(response.headers.get("cache-control"), null, `${pathname} signed out`);
    }

    // the sign-in answer itself sets the session: private too
    const signInResponse = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ username: "bank", password: DEMO_PASSWORD }),
    });
    assert.equal(signInResponse.status, 302);
    assert.equal(signInResponse.headers.get("cache-control"), noStore, "the sign-in redirect");
    const cookie = signInResponse.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

    const signedIn: [string, number][] = [
      ["/bank", 200],
      ["/bank?_data=routes%2Fbank._index", 200],
      ["/bank/applications?_data=routes%2Fbank.applications._index", 200],
      ["/bank/candidates?_data=routes%2Fbank.candidates._index", 200],
      ["/products", 200],
      ["/products?_data=routes%2Fproducts._index", 200],
      ["/bank/indicators/export?format=csv", 200],
      ["/login", 302],
      ["/enterprise/credit", 404],
      ["/no/such/page", 404],
    ];
    for (const [pathname, status] of signedIn) {
      const response = await fetch(`${portal.baseUrl}${pathname}`, {
        redirect: "manual",
        headers: { Cookie: cookie },
      });
      assert.equal(response.status, status, pathname);
      assert.equal(response.headers.get("cache-control"), noStore, `${pathname} signed in`);
      await response.arrayBuffer();
    }

    // hashed assets and public files keep their caching, whoever asks
    for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
      const script: Response = await fetch(`${portal.baseUrl}${asset}`, { headers });
      assert.equal(script.status, 200, asset);
      assert.equal(script.headers.get("cache-control"), "public, max-age=31536000, immutable", asset);
      const icon = await fetch(`${portal.baseUrl}/favicon.svg`, { headers });
      assert.equal(icon.headers.get("cache-control"), "public, max-age=3600", "/favicon.svg");
    }

    // signing out clears the cookie, privately
    const signOut = await fetch(`${portal.baseUrl}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    assert.equal(signOut.status, 302);
    assert.equal(signOut.headers.get("cache-control"), noStore, "the sign-out redirect");
  });

  test("the audit reader and the password page render in Chinese and English", async () => {
    const cookie = await signIn(portal.baseUrl, "bureau");
    const pages: [string, RegExp, RegExp, RegExp, RegExp][] = [
      ["/gov/admin/audit?action=login.", /审计日志/, /Audit log/, /登录成功/, /Signed in/],
      ["/account/password", /修改密码/, /Change password/, /当前密码/, /Current password/],
    ];
    for (const [pathname, zhTitle, enTitle, zhText, enText] of pages) {
      for (const [language, title, text] of [
        ["zh-CN", zhTitle, zhText],
        ["en", enTitle, enText],
      ] as [string, RegExp, RegExp][]) {
        const response = await fetch(`${portal.baseUrl}${pathname}`, {
          headers: { Cookie: cookie, "Accept-Language": language },
        });
        assert.equal(response.status, 200, `${pathname} (${language})`);
        const html = await response.text();
        assert.match(html, new RegExp(`<h1[^>]*>${title.source}</h1>`), `${pathname} (${language}) title`);
        assert.match(html, text, `${pathname} (${language}) text`);
      }
    }
  });

  test("without TRUST_PROXY, X-Forwarded-For cannot dodge the per-IP login throttle", async () => {
    let throttledAt = null;
    for (let i = 1; i <= 31 && throttledAt === null; i++) {
      const response = await fetch(`${portal.baseUrl}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "X-Forwarded-For": `198.51.100.${i}` },
        body: new URLSearchParams({ username: `nobody-${i}`, password: "Wrong@2026" }),
      });
      if (response.status === 429) throttledAt = i;
      else assert.equal(response.status, 400);
    }
    assert.ok(
      throttledAt !== null,
      "30 failures from one socket address are throttled, whatever the header says",
    );
    const real = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": "192.0.2.200" },
      body: new URLSearchParams({ username: "bureau", password: DEMO_PASSWORD }),
    });
    assert.equal(real.status, 429);
  });
});

describe("behind a proxy (TRUST_PROXY=loopback)", () => {
  let portal: Server;
  before(async () => {
    portal = await startServer("security-proxy", { TRUST_PROXY: "loopback" });
  });
  after(async () => {
    await portal?.stop();
  });

  const fail = (forwardedFor: string, i: number) =>
    fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": forwardedFor },
      body: new URLSearchParams({ username: `nobody-${i}`, password: "Wrong@2026" }),
    });

  test("throttles the client the proxy names, not the proxy", async () => {
    for (let i = 1; i <= 30; i++) assert.equal((await fail("203.0.113.1", i)).status, 400);
    assert.equal((await fail("203.0.113.1", 31)).status, 429, "the 31st failure of one client");
    // Another client behind the same proxy still signs in.
    const other = await fetch(`${portal.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": "203.0.113.2" },
      body: new URLSearchParams({ username: "bureau", password: DEMO_PASSWORD }),
    });
    assert.equal(other.status, 302);
  });
});
