// Starts the production build on a free port with its own seeded database (a copy of the suite's
// template, or set up afresh when a file runs alone), and opens Debian's Chromium through
// playwright-core. Used by every browser test file.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import Database from "better-sqlite3";
import { type Browser, chromium, type Page } from "playwright-core";

export const SCREENSHOT_DIR = path.resolve("tests/e2e/screenshots");
export const DEMO_PASSWORD = "Xinyidai@2026";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become healthy in time");
}

/** What every test server of the browser suite runs with, besides its port and database. */
const PORTAL_ENV = {
  NODE_ENV: "production",
  MOCKS: "true",
  // the seed seals the demo webhook secrets with it: a copy of the template needs the same one
  SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
} as const;

/** Migrates and seeds a fresh database file as the portal's own `npm start` does (scripts/setup.js). */
function setUpDatabase(databaseFile: string): void {
  const env = { ...process.env, ...PORTAL_ENV, DATABASE_URL: `file:${databaseFile}` };
  const setup = spawnSync("node", ["scripts/setup.js"], { env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed:\n${setup.stdout}\n${setup.stderr}`);
}

/**
 * One migrated and seeded database for the whole browser suite (tests/e2e/run.ts), which each
 * test server copies: the migrations and the seed cost about 13 s of CPU each time. Its
 * write-ahead log is folded in, so that the file alone is the whole database.
 */
export function prepareTemplate(databaseFile: string): void {
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  setUpDatabase(databaseFile);
  const db = new Database(databaseFile);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

/** A running portal: { baseUrl, browser, newPage(), stop() }. */
export interface Portal {
  baseUrl: string;
  browser: Browser;
  serverLog: () => string;
  /** the server's own database file (SQLite), for checks the pages do not show */
  databaseFile: string;
  /** rows of a read-only query on that file (opened and closed per call) */
  query<Row>(sql: string, ...params: unknown[]): Row[];
  newPage(options?: {
    locale?: string;
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
  }): Promise<Page>;
  stop(): Promise<void>;
}

/** The folder of a test server's own database and files: tests/.tmp-e2e/<name>-<pid>. */
export function runDir(name: string): string {
  return path.resolve("tests/.tmp-e2e", `${name}-${process.pid}`);
}

export async function startPortal(name: string, { jobs = false }: { jobs?: boolean } = {}): Promise<Portal> {
  const dir = runDir(name);
  const databaseFile = path.join(dir, "portal.db");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...PORTAL_ENV,
    PORT: String(port),
    DATABASE_URL: `file:${databaseFile}`,
    // scheduled jobs stay off unless the test asks for them (startPortal(name, { jobs: true }))
    JOBS: jobs ? "on" : "off",
  };
  // a copy of the suite's template when run.ts made one (a file run alone sets up its own)
  const template = process.env.E2E_TEMPLATE_DB;
  if (template) copyFileSync(template, databaseFile);
  else setUpDatabase(databaseFile);
  const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    baseUrl,
    browser,
    serverLog: () => log,
    databaseFile,
    query<Row>(sql: string, ...params: unknown[]): Row[] {
      const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as Row[];
      } finally {
        db.close();
      }
    },
    /** A fresh browser context (its own cookies), Chinese unless told otherwise. */
    async newPage({
      locale = "zh-CN",
      viewport = { width: 1280, height: 900 },
      javaScriptEnabled = true,
    } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale, viewport, javaScriptEnabled });
      return context.newPage();
    },
    async stop() {
      await browser.close();
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.getByRole("button", { name: /^(登录|Sign in)$/ }).click(),
  ]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
