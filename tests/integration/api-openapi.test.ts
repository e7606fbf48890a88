import { describe, expect, it } from "vitest";

import { ALL_ENDPOINTS, openApiDocument } from "~/api/openapi.server";

import { loadRoutes } from "./access-matrix/server-build";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
};

/** "api/v1/applications/:number/transitions" → "/api/v1/applications/{number}/transitions" */
function openApiPathOf(remixPath: string) {
  return `/${remixPath}`.replace(/:(\w+)/g, "{$1}");
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every /api/v1 route with each method the route serves", async () => {
    const doc = openApiDocument() as Doc;
    expect(doc.openapi).toBe("3.1.0");
    const { routes, modules } = await loadRoutes();
    const byId = new Map(routes.map((r) => [r.id, r]));
    const apiRoutes = routes.filter((r) => r.id.startsWith("routes/api.v1."));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(13);
    const documented = new Set(ALL_ENDPOINTS.map((e) => `${e.method} /api/v1${e.path}`));
    const served: string[] = [];
    for (const route of apiRoutes) {
      const segments: string[] = [];
      for (let r: typeof route | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined)
        if (r.path) segments.unshift(r.path);
      const path = openApiPathOf(segments.join("/"));
      // which methods the route answers other than 405: ask its module with no signature
      for (const method of ["GET", "POST", "PUT", "DELETE"]) {
        const module = modules.get(route.id) as { loader: (a: unknown) => Promise<Response> };
        const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "x"]));
        const response = await module.loader({
          request: new Request(`http://localhost:3000${path}`, { method }),
          params,
          context: {},
        });
        if (response.status !== 405) served.push(`${method} ${path}`);
      }
    }
    expect(served.sort()).toEqual([...documented].sort());
    for (const entry of documented) {
      const [method, path] = entry.split(" ");
      expect(doc.paths[path]?.[method.toLowerCase()], entry).toBeDefined();
    }
  });

  it("documents the error shape and the signing headers", () => {
    const doc = openApiDocument() as Doc & {
      components: { securitySchemes: Record<string, { name: string }> };
    };
    expect(
      Object.values(doc.components.securitySchemes)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["X-Xyd-Key", "X-Xyd-Nonce", "X-Xyd-Signature", "X-Xyd-Timestamp"]);
    expect(doc.paths["/api/v1/applications/{number}/transitions"].post.responses["409"]).toBeDefined();
  });

  it("has examples that validate against the schemas they document", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const endpoint of ALL_ENDPOINTS) {
      if (!endpoint.public) expect(endpoint.examples.length, endpoint.operationId).toBeGreaterThan(0);
      for (const example of endpoint.examples) {
        const where = `${endpoint.operationId} «${example.summary}»`;
        const check = (
          what: string,
          schema: { safeParse(v: unknown): { success: boolean; error?: unknown } } | undefined,
          value: unknown,
        ) => {
          if (value === undefined) return;
          if (!schema) return problems.push(`${where}: ${what} given but the endpoint takes none`);
          const result = schema.safeParse(value);
          checked++;
          if (!result.success) problems.push(`${where}: ${what} ${JSON.stringify(result.error)}`);
        };
        check("params", endpoint.params, example.params);
        check("query", endpoint.query, example.query);
        check("body", endpoint.body, example.body);
        if (endpoint.response === "csv") {
          expect(typeof example.response).toBe("string");
        } else check("response", endpoint.response, example.response);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
