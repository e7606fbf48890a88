/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoints' own zod schemas (the ones
 * the pipeline validates with), so the document cannot say what the handlers do not check.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import type { ZodTypeAny } from "zod";

import { CLOCK_SKEW_SECONDS } from "~/domain/api-signature";

import {
  defineEndpoint,
  MAX_BODY_BYTES,
  RATE_LIMIT_PER_MINUTE,
  reply,
  type Endpoint,
} from "./endpoint.server";
import { ENDPOINTS } from "./endpoints/index.server";
import { errorBody } from "./wire";
import { z } from "./zod";

const SIGNING = `Every request but this document is signed with the API client's secret (issued by the bureau at /gov/admin/api-clients):

- \`X-Xyd-Key\`: the key id;
- \`X-Xyd-Timestamp\`: Unix seconds, at most ${CLOCK_SKEW_SECONDS} s from the server's clock;
- \`X-Xyd-Nonce\`: 16–64 characters of \`[A-Za-z0-9_-]\`, never reused by the key within 10 minutes;
- \`X-Xyd-Signature\`: \`v1=\` + hex HMAC-SHA256 with the secret of
  \`METHOD + "\\n" + path-with-query + "\\n" + timestamp + "\\n" + nonce + "\\n" + hex(SHA-256(raw body))\`
  (the SHA-256 of the empty string when there is no body).

Every POST, PUT and DELETE carries \`Idempotency-Key\` (1–64 characters): the same key with the same body answers the first response again (header \`Idempotent-Replayed: true\`) without doing anything; with another body, 422 \`idempotency_key_reused\`. Keys are kept at least 24 hours.

At most ${RATE_LIMIT_PER_MINUTE} requests a minute per client (429 with \`Retry-After\`); bodies up to ${MAX_BODY_BYTES / 1024 / 1024} MiB. Money is a string of 元 with two decimals, rates integer basis points (\`rateBp\`), days \`YYYY-MM-DD\` (Shanghai), times ISO 8601 with the offset. Errors: \`{"error":{"code","message","fields"}}\`; anything of another bank is 404. Lists: \`?after=<cursor>&limit=\` (≤ 100) → \`{"data":[…],"next":<cursor or null>}\`.

Webhooks are POSTed as \`{"id","type","createdAt","data"}\` with \`X-Xyd-Event-Id\`, \`X-Xyd-Timestamp\` and \`X-Xyd-Signature: v1=hex(HMAC-SHA256(webhook secret, timestamp + "." + raw body))\`.`;

export const openApiEndpoint = defineEndpoint({
  method: "GET",
  path: "/openapi.json",
  operationId: "getOpenApi",
  tag: "meta",
  summary: "This document (no signature needed)",
  public: true,
  response: z.object({ openapi: z.string() }).passthrough(),
  errors: [],
  examples: [],
  handle: async () => reply(openApiDocument()),
});

export const ALL_ENDPOINTS: readonly Endpoint[] = [...ENDPOINTS, openApiEndpoint];

const ERROR_TEXT: Record<number, string> = {
  400: "invalid request (fields name the problems)",
  401: "missing or bad signature, unknown or revoked key, clock skew, reused nonce",
  403: "not allowed",
  404: "not found, or of another bank",
  405: "method not allowed",
  409: "version_conflict, invalid_transition, conflict or idempotency_key_in_use",
  413: "body larger than 1 MiB",
  415: "body not application/json",
  422: "a business rule (fields), or idempotency_key_reused",
  429: "more than 600 requests a minute (Retry-After)",
};

function pipelineErrors(endpoint: Endpoint): number[] {
  if (endpoint.public) return [];
  const write = endpoint.method !== "GET";
  return [401, 429, ...(write ? [400, 413, 415, 422] : [])];
}

function paramsOf(schema: ZodTypeAny | undefined) {
  return schema as z.AnyZodObject | undefined;
}

let cached: object | undefined;

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.register("Error", errorBody);
  for (const name of ["XydKey", "XydTimestamp", "XydNonce", "XydSignature"] as const) {
    registry.registerComponent("securitySchemes", name, {
      type: "apiKey",
      in: "header",
      name: {
        XydKey: "X-Xyd-Key",
        XydTimestamp: "X-Xyd-Timestamp",
        XydNonce: "X-Xyd-Nonce",
        XydSignature: "X-Xyd-Signature",
      }[name],
      description: "see the signing rules in the introduction",
    });
  }
  for (const endpoint of ALL_ENDPOINTS) {
    const status = endpoint.successStatus ?? 200;
    const example = endpoint.examples[0];
    const errors = [...new Set([...endpoint.errors, ...pipelineErrors(endpoint)])].sort();
    const write = endpoint.method !== "GET";
    registry.registerPath({
      method: endpoint.method.toLowerCase() as "get" | "post" | "put" | "delete",
      path: `/api/v1${endpoint.path}`,
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      tags: [endpoint.tag],
      security: endpoint.public ? [] : [{ XydKey: [], XydTimestamp: [], XydNonce: [], XydSignature: [] }],
      request: {
        params: paramsOf(endpoint.params),
        query: paramsOf(endpoint.query),
        headers: write
          ? z.object({
              "Idempotency-Key": z.string().min(1).max(64).openapi({
                description: "the retry key of this write",
                example: "disburse-XYD-20261206-0042",
              }),
            })
          : undefined,
        body: endpoint.body
          ? {
              content: {
                "application/json": {
                  schema: endpoint.body,
                  ...(example?.body ? { example: example.body } : {}),
                },
              },
            }
          : undefined,
      },
      responses: {
        [status]: {
          description: "OK",
          content:
            endpoint.response === "csv"
              ? {
                  "text/csv": {
                    schema: { type: "string" },
                    ...(example ? { example: example.response } : {}),
                  },
                }
              : {
                  "application/json": {
                    schema: endpoint.response,
                    ...(example ? { example: example.response } : {}),
                  },
                },
        },
        ...Object.fromEntries(
          errors.map((code) => [
            code,
            {
              description: ERROR_TEXT[code] ?? "error",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
          ]),
        ),
      },
    });
  }
  const generator = new OpenApiGeneratorV31(registry.definitions);
  cached = generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "郑东新区信易贷平台 · Bank API",
      version: "1.0.0",
      description: SIGNING,
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "applications", description: "融资申请: pull, read, decide" },
      { name: "enterprises", description: "信用画像 under the firm's authorisation" },
      { name: "loans", description: "贷后: loans, schedules, repayments" },
      { name: "pool", description: "风险补偿资金池: filing and claims" },
      { name: "products", description: "金融产品" },
      { name: "offers", description: "银行响应: open demands and offers" },
      { name: "events", description: "事件: the feed and the webhook endpoint" },
      { name: "reconciliation", description: "对账" },
      { name: "meta", description: "this document" },
    ],
  });
  return cached;
}
