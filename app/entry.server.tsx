import { PassThrough } from "node:stream";

import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { NonceProvider } from "./components/nonce";
import "./i18n/translate.server";
import { assertDatabaseSettings, pingDatabase } from "./db.server";
import { getEnv } from "./env.server";
import { parseScheduleOverrides, startScheduler, stopScheduler } from "./jobs/scheduler.server";

const ABORT_DELAY = 5_000;

/**
 * Called once by server.js before it listens: a bad environment or database stops the
 * portal at start-up instead of at the first request.
 */
export async function startup() {
  const env = getEnv();
  await assertDatabaseSettings();
  return { mocks: env.MOCKS, production: env.NODE_ENV === "production" };
}

/**
 * Called by server.js once it listens: the scheduled jobs (app/jobs), unless JOBS=off. A bad
 * JOB_SCHEDULES stops the portal at start-up.
 */
export function startJobs(): { jobs: boolean } {
  const env = getEnv();
  if (!env.JOBS) return { jobs: false };
  startScheduler({ overrides: parseScheduleOverrides(env.JOB_SCHEDULES) });
  return { jobs: true };
}

/** Called by server.js on SIGTERM/SIGINT: runs in flight record INTERRUPTED and free their leases. */
export async function stopJobs() {
  await stopScheduler();
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const readyEvent = isbot(request.headers.get("user-agent") || "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged, never sent: no stack traces in responses.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}

/** For /healthz: the database answers. */
export async function healthCheck() {
  await pingDatabase();
}
