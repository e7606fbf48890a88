import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";

import { createRequestHandler } from "@remix-run/express";
import express from "express";

import { noStoreForSignedIn, refuseConnect, refuseOtherMethods } from "../../../server/http-guards.js";
import { createBuild, LOAD_CONTEXT, type RouteEntry } from "../access-matrix/server-build";

/**
 * The app's real request handler behind the guards server.js mounts in front of it, on a free
 * port: for requests `fetch` cannot make (TRACE and CONNECT are refused by the Fetch API itself).
 */
export async function startGuardedApp() {
  const { build, routes } = await createBuild();
  const app = express();
  app.use(refuseOtherMethods);
  app.use(noStoreForSignedIn);
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: () => LOAD_CONTEXT }));
  const server = http.createServer(app);
  server.on("connect", refuseConnect);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * One request written by hand on its own connection ("Connection: close"); the answer as read.
 * A connection closed without an answer is status 0.
 */
export function rawRequest(port: number, method: string, target: string, headers: string[] = []) {
  return new Promise<RawResponse>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(
        [
          `${method} ${target} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          "Connection: close",
          ...headers,
          "",
          "",
        ].join("\r\n"),
      );
    });
    let raw = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (raw += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      if (!raw) return resolve({ status: 0, headers: {}, body: "" });
      const [head, ...rest] = raw.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const fields: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        fields[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers: fields, body: rest.join("\r\n\r\n") });
    });
  });
}

/** A URL path for each route, its parameters filled with an id that matches nothing. */
export function routePaths(routes: RouteEntry[]): string[] {
  const byId = new Map(routes.map((r) => [r.id, r]));
  const paths = new Set<string>();
  for (const route of routes) {
    const segments: string[] = [];
    for (let r: RouteEntry | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) {
      if (r.path) segments.unshift(r.path);
    }
    const path = segments
      .join("/")
      .split("/")
      .map((segment) =>
        segment.startsWith(":") ? "clxxxxxxxxxxxxxxxxxxxxxxx" : segment === "*" ? "x" : segment,
      )
      .join("/");
    paths.add(`/${path}`.replace(/\/+/g, "/"));
  }
  return [...paths].sort();
}
