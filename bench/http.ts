/**
 * HTTP side of the benchmark: the production build (server.js) on the bench database, a session
 * per role, request loops (sequential and concurrent) with percentiles, throughput, a bare
 * node:http server as the throughput baseline, and the server's peak RSS.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Peak and current resident set of a process, MB (Linux /proc). */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peakMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}\n${log()}`);
}

function track(child: ChildProcess, baseUrl: string): RunningServer {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return {
    baseUrl,
    child,
    log: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The production build on `databaseUrl` (as tests/e2e/harness.js starts it, without the seed). */
export async function startPortal(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn("node", ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      MOCKS: "true",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = track(child, `http://127.0.0.1:${port}`);
  await waitFor(`${server.baseUrl}/healthz`, child, server.log);
  return server;
}

/** A bare node:http server answering every request with `body` (the SSR baseline). */
export async function startBareServer(body: Buffer, contentType: string): Promise<RunningServer> {
  const port = await freePort();
  const file = path.join(os.tmpdir(), `bench-bare-${process.pid}.html`);
  writeFileSync(file, body);
  const script = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    http.createServer((req, res) => {
      res.writeHead(200, { "Content-Type": ${JSON.stringify(contentType)}, "Content-Length": body.length });
      res.end(body);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn("node", ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  const server = track(child, `http://127.0.0.1:${port}`);
  await waitFor(`${server.baseUrl}/`, child, server.log);
  return server;
}

/** Signs in through the login form; returns the Cookie header of the session. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password }),
    redirect: "manual",
  });
  if (response.status !== 302 && response.status !== 303) {
    throw new Error(
      `login of ${username} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  }
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** GET that must answer 200; returns the body's length. */
export async function get(url: string, cookie?: string): Promise<number> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body.byteLength;
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * `total` calls of `work` by `concurrency` callers at once — or fewer, when `budgetMs` runs out
 * first (a page of several seconds); each call's time (ms, sorted), the calls made and the
 * throughput. A failed call is counted in `errors`, not timed.
 */
export async function load(
  work: (n: number) => Promise<unknown>,
  total: number,
  concurrency: number,
  budgetMs = Infinity,
) {
  const times: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && performance.now() - started < budgetMs) {
        const n = next++;
        const t = performance.now();
        try {
          await work(n);
          times.push(performance.now() - t);
        } catch (error) {
          errors.push(String((error as Error).cause ?? error));
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  times.sort((a, b) => a - b);
  return { times, errors, wallMs, calls: times.length, perSecond: (times.length * 1000) / wallMs };
}
