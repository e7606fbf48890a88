import path from "node:path";

import { createRequestHandler, type ServerBuild } from "@remix-run/node";
// The same route config the Remix compiler uses (remix.config.js, flat routes), read from the
// app folder: a new route file is in the matrix without a build.
import { readConfig } from "@remix-run/dev/dist/config.js";
import { ServerMode } from "@remix-run/dev/dist/config/serverModes.js";

export type RouteEntry = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  file: string;
  hasLoader: boolean;
  hasAction: boolean;
  /** no component: a resource route (a download, an API), requested without ?_data */
  resource: boolean;
};

type RouteModule = Record<string, unknown>;

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Every route of the app, as the compiler sees it, with its module. */
export async function loadRoutes(): Promise<{ routes: RouteEntry[]; modules: Map<string, RouteModule> }> {
  const config = await readConfig(ROOT, ServerMode.Test);
  const routes: RouteEntry[] = [];
  const modules = new Map<string, RouteModule>();
  for (const route of Object.values(config.routes)) {
    const module = (await import(
      /* @vite-ignore */ path.join(config.appDirectory, route.file)
    )) as RouteModule;
    modules.set(route.id, module);
    routes.push({
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      file: route.file,
      hasLoader: typeof module.loader === "function",
      hasAction: typeof module.action === "function",
      resource: module.default === undefined,
    });
  }
  return { routes, modules };
}

/**
 * A ServerBuild made of the app's own modules (what `remix build` would bundle), so requests go
 * through Remix's real request handler: route matching, loaders, actions, redirects, errors.
 */
export async function createBuild(): Promise<{ build: ServerBuild; routes: RouteEntry[] }> {
  const { routes, modules } = await loadRoutes();
  const entry = (await import("~/entry.server")) as unknown as ServerBuild["entry"]["module"];
  const build: ServerBuild = {
    mode: "test",
    entry: { module: entry },
    routes: Object.fromEntries(
      routes.map((r) => [
        r.id,
        {
          id: r.id,
          parentId: r.parentId,
          path: r.path,
          index: r.index,
          caseSensitive: undefined,
          module: modules.get(r.id) as unknown as ServerBuild["routes"][string]["module"],
        },
      ]),
    ),
    assets: {
      version: "matrix",
      url: "/build/manifest-matrix.js",
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: Object.fromEntries(
        routes.map((r) => [
          r.id,
          {
            id: r.id,
            parentId: r.parentId,
            path: r.path,
            index: r.index,
            module: `/build/${r.id}.js`,
            hasLoader: r.hasLoader,
            hasAction: r.hasAction,
            hasClientLoader: false,
            hasClientAction: false,
            hasErrorBoundary: typeof modules.get(r.id)?.ErrorBoundary === "function",
          },
        ]),
      ),
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_lazyRouteDiscovery: true,
      v3_singleFetch: false,
    } as ServerBuild["future"],
    isSpaMode: false,
  };
  return { build, routes };
}

/** What server.js passes to every request (the CSP nonce, the client's address). */
export const LOAD_CONTEXT = { cspNonce: "", clientIp: "127.0.0.1" };

/** Remix's request handler over the app's own modules, as a fetch-style function. */
export async function createHandler() {
  const { build, routes } = await createBuild();
  const handle = createRequestHandler(build, "test");
  return { handler: (request: Request) => handle(request, LOAD_CONTEXT), routes };
}
