/**
 * The bank API's request pipeline, shared by every route under /api/v1. A route file names its
 * endpoints (app/api/endpoints/*.server.ts) and exports what `apiRoute` makes of them; each
 * request then goes through, in this order:
 *
 *  1. the method (405), the body read with the 1 MiB limit (413);
 *  2. the signature (401): headers, ±300 s clock window, key, HMAC with the current secret or the
 *     previous one in its grace period, compared in constant time;
 *  3. the nonce (401 when reused within 10 minutes), the client's request counter (429 with
 *     Retry-After past 600 a minute) and for POST/PUT/DELETE the claim of the Idempotency-Key —
 *     one database transaction, shared by all app servers;
 *  4. a retry with the same Idempotency-Key and body gets the first answer again
 *     (Idempotent-Replayed: true), another body 422 idempotency_key_reused;
 *  5. the query and the body against the endpoint's zod schemas (415/400 with field messages);
 *     an endpoint without a body schema takes none: a body other than `{}` is a 400, not ignored;
 *  6. the endpoint's handler, which calls the same model functions as the screens with the
 *     client's BANK actor; its answer is stored for the key, and a write is audited with the key id.
 *
 * No session, cookie or CSRF check applies here (server.js lets /api/ through): a request is
 * authenticated by its signature alone.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { ZodTypeAny, z as zod } from "zod";

import {
  readSignatureHeaders,
  sha256Hex,
  signatureHex,
  signatureMatches,
  withinClockWindow,
  CLOCK_SKEW_SECONDS,
} from "~/domain/api-signature";
import { slidingWindowDecision } from "~/domain/rate-limit";
import { localeFromAcceptLanguage, type Locale } from "~/i18n/locales";
import { clientIpOf } from "~/client-ip.server";
import type { AuditedActor, BankActor } from "~/models/actor";
import { findRequestClient } from "~/models/api-client.server";
import {
  admitRequest,
  completeIdempotentRequest,
  releaseIdempotentRequest,
  type Admission,
  type IdempotencyClaim,
} from "~/models/api-request.server";
import type { AuditEntry } from "~/models/audit.server";

import { ApiError, API_RESPONSE_HEADERS, errorResponse, zodFields } from "./errors.server";
import { z } from "./zod";

export const MAX_BODY_BYTES = 1024 * 1024;
export const RATE_LIMIT_PER_MINUTE = 600;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,64}$/;

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What a handler answers: JSON with a status, or a CSV file. */
export type ApiReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: 200; csv: string; filename: string };

export function reply(json: unknown, status = 200, headers?: Record<string, string>): ApiReply {
  return { status, json, headers };
}

export type ApiCall<P, Q, B> = {
  request: Request;
  url: URL;
  /** the client's BANK user, with the request's address for the audit trail */
  actor: AuditedActor<BankActor>;
  locale: Locale;
  now: Date;
  params: P;
  query: Q;
  body: B;
  /** for handlers that create rows: a stable key derived from the client and its Idempotency-Key */
  idempotencyKey: string | null;
  ip: string | null;
};

type Infer<T> = T extends ZodTypeAny ? zod.infer<T> : undefined;

/** A documented example: the request (body or query) and the answer, both checked against their schemas. */
export type EndpointExample = {
  summary: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  response: unknown;
  status?: number;
};

export type Endpoint<
  P extends ZodTypeAny | undefined = ZodTypeAny | undefined,
  Q extends ZodTypeAny | undefined = ZodTypeAny | undefined,
  B extends ZodTypeAny | undefined = ZodTypeAny | undefined,
> = {
  method: HttpMethod;
  /** the OpenAPI path under /api/v1, with {param} placeholders */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** no signature (the OpenAPI document itself) */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** the successful answer's schema (JSON), or "csv" */
  response: ZodTypeAny | "csv";
  successStatus?: number;
  /** the error statuses besides the pipeline's own (401, 429, 413…) */
  errors: number[];
  examples: EndpointExample[];
  handle: (call: ApiCall<Infer<P>, Infer<Q>, Infer<B>>) => Promise<ApiReply>;
};

export function defineEndpoint<
  P extends ZodTypeAny | undefined,
  Q extends ZodTypeAny | undefined,
  B extends ZodTypeAny | undefined,
>(endpoint: Endpoint<P, Q, B>): Endpoint {
  return endpoint as unknown as Endpoint;
}

const WRITES: readonly string[] = ["POST", "PUT", "DELETE", "PATCH"];

/**
 * The body of an endpoint that takes none (publish, archive, filing): nothing, or `{}` for a
 * client that always sends an object. Anything else is refused rather than ignored, as an
 * unknown key is in a body schema (.strict()): the write must not happen on input it did not read.
 */
const NO_BODY = z.object({}).strict();

function jsonResponse(status: number, json: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(json), {
    status,
    headers: { ...API_RESPONSE_HEADERS, "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

function toResponse(result: ApiReply): {
  response: Response;
  stored: { status: number; contentType: string; body: string };
} {
  if ("csv" in result) {
    const contentType = "text/csv; charset=utf-8";
    return {
      response: new Response(result.csv, {
        status: 200,
        headers: {
          ...API_RESPONSE_HEADERS,
          "Content-Type": contentType,
          "Content-Disposition": `attachment; filename="${result.filename}"`,
        },
      }),
      stored: { status: 200, contentType, body: result.csv },
    };
  }
  const body = JSON.stringify(result.json);
  return {
    response: jsonResponse(result.status, result.json, result.headers),
    stored: { status: result.status, contentType: "application/json; charset=utf-8", body },
  };
}

/** The raw body, read up to the limit: a larger one is refused before it is all in memory. */
async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large");
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError("payload_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The path and query as the client sent them (what it signed). */
function targetOf(url: URL) {
  return `${url.pathname}${url.search}`;
}

async function authenticate(
  request: Request,
  url: URL,
  body: Uint8Array,
  now: Date,
  idempotency: IdempotencyClaim | null,
) {
  const headers = readSignatureHeaders((name) => request.headers.get(name));
  if (!headers.ok) {
    if (headers.problem === "missing") throw new ApiError("signature_missing");
    throw new ApiError("signature_malformed", {
      params: { problem: headers.problem },
      fields: { [headers.problem]: { key: `api.signatureProblems.${headers.problem}` } },
    });
  }
  if (!withinClockWindow(headers.timestamp, now.getTime()))
    throw new ApiError("timestamp_out_of_window", { params: { seconds: CLOCK_SKEW_SECONDS } });
  const client = await findRequestClient(headers.keyId, now);
  if (!client) throw new ApiError("key_unknown");
  const parts = {
    method: request.method,
    pathWithQuery: targetOf(url),
    timestamp: headers.timestampText,
    nonce: headers.nonce,
    bodySha256: sha256Hex(body),
  };
  // Every valid secret is tried, each in constant time: which one matched is not observable.
  const matched = client.secrets.map((secret) =>
    signatureMatches(headers.signature, signatureHex(secret, parts)),
  );
  if (!matched.includes(true)) throw new ApiError("signature_invalid");
  // nonce, counter, the client's "last used" and a write's Idempotency-Key: one transaction
  const decide = (admission: Admission) =>
    slidingWindowDecision({ ...admission, limit: RATE_LIMIT_PER_MINUTE });
  const admission = await admitRequest(client.id, headers.nonce, now, {
    admits: (a) => decide(a).allowed,
    idempotency,
    touch: !client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000,
  });
  if (!admission.nonceFresh) throw new ApiError("nonce_reused");
  const decision = decide(admission);
  if (!decision.allowed) {
    throw new ApiError("rate_limited", {
      params: { limit: RATE_LIMIT_PER_MINUTE, seconds: decision.retryAfterSeconds },
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
    });
  }
  return { client, idempotency: admission.idempotency };
}

function parseWith<T extends ZodTypeAny>(schema: T, value: unknown): zod.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError("invalid_request", { fields: zodFields(result.error.issues) });
  return result.data;
}

function parseJsonBody(request: Request, body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined;
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new ApiError("unsupported_media_type");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ApiError("invalid_json");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_json");
  }
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of url.searchParams) if (!(name in out)) out[name] = value;
  return out;
}

/**
 * Runs one endpoint for a request. Exported for the bench and the tests; routes use `apiRoute`.
 */
export async function runEndpoint(
  endpoint: Endpoint,
  {
    request,
    params,
    context,
  }: { request: Request; params: Record<string, string | undefined>; context?: unknown },
): Promise<Response> {
  const locale = localeFromAcceptLanguage(request.headers.get("Accept-Language"));
  const now = new Date();
  const url = new URL(request.url);
  const clientIp = clientIpOf(context as Parameters<typeof clientIpOf>[0]);
  let claim: string | null = null;
  try {
    const body = await readBody(request);
    if (endpoint.public) {
      const result = await endpoint.handle({
        request,
        url,
        actor: null as unknown as AuditedActor<BankActor>,
        locale,
        now,
        params: params as never,
        query: undefined as never,
        body: undefined as never,
        idempotencyKey: null,
        ip: null,
      });
      return toResponse(result).response;
    }
    const write = WRITES.includes(request.method);
    const key = write ? request.headers.get("Idempotency-Key") : null;
    const keyProblem = !write
      ? null
      : key === null || key === ""
        ? ("idempotency_key_missing" as const)
        : !IDEMPOTENCY_KEY.test(key)
          ? ("idempotency_key_invalid" as const)
          : null;
    const claimWanted =
      write && key && !keyProblem
        ? { key, requestHash: sha256Hex(`${request.method}\n${targetOf(url)}\n${sha256Hex(body)}`) }
        : null;
    const { client, idempotency: start } = await authenticate(request, url, body, now, claimWanted);
    let idempotencyKey: string | null = null;
    if (write) {
      if (keyProblem) throw new ApiError(keyProblem);
      if (!start || !key) throw new ApiError("internal_error");
      if (start.kind === "mismatch") throw new ApiError("idempotency_key_reused");
      if (start.kind === "in_progress")
        throw new ApiError("idempotency_key_in_use", { headers: { "Retry-After": "1" } });
      if (start.kind === "replay") {
        return new Response(start.response.body, {
          status: start.response.status,
          headers: {
            ...API_RESPONSE_HEADERS,
            "Content-Type": start.response.contentType,
            "Idempotent-Replayed": "true",
          },
        });
      }
      claim = start.id;
      idempotencyKey = sha256Hex(`${client.id}\n${key}`);
    }
    let result: ApiReply;
    try {
      const parsedParams = endpoint.params ? parseWith(endpoint.params, params) : params;
      const query = endpoint.query ? parseWith(endpoint.query, queryObject(url)) : undefined;
      const json = parseJsonBody(request, body);
      if (!endpoint.body && json !== undefined) parseWith(NO_BODY, json);
      const parsedBody = endpoint.body ? parseWith(endpoint.body, json ?? {}) : undefined;
      result = await endpoint.handle({
        request,
        url,
        actor: { ...client.actor, ip: clientIp },
        locale,
        now,
        params: parsedParams as never,
        query: query as never,
        body: parsedBody as never,
        idempotencyKey,
        ip: clientIp,
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      // A refusal is the answer to this key too: the same retry gets the same refusal.
      const response = errorResponse(error, locale);
      if (claim) {
        const text = await response.clone().text();
        await completeIdempotentRequest(
          claim,
          { status: response.status, contentType: "application/json; charset=utf-8", body: text },
          { now, audit: writeAudit(client.actor, request, url, response.status, clientIp) },
        );
      }
      return response;
    }
    const { response, stored } = toResponse(result);
    if (claim) {
      await completeIdempotentRequest(claim, stored, {
        now,
        audit: writeAudit(client.actor, request, url, stored.status, clientIp),
      });
    }
    return response;
  } catch (error) {
    if (claim) await releaseIdempotentRequest(claim).catch(() => undefined);
    if (error instanceof ApiError) return errorResponse(error, locale);
    console.error("api:", error);
    return errorResponse(new ApiError("internal_error"), locale);
  }
}

function writeAudit(
  actor: BankActor,
  request: Request,
  url: URL,
  status: number,
  ip: string | null,
): AuditEntry {
  return {
    actorId: actor.id,
    action: "api.write",
    targetType: "ApiClient",
    targetId: actor.apiClient?.id ?? null,
    ip,
    detail: {
      apiClient: actor.apiClient?.keyId,
      method: request.method,
      path: url.pathname,
      status,
      idempotencyKey: request.headers.get("Idempotency-Key"),
    },
  };
}

/**
 * A route's loader and action from its endpoints (at most one per method). Every API route
 * exports both, so a method the route does not serve gets the API's 405 rather than Remix's.
 */
export function apiRoute(...endpoints: Endpoint[]) {
  const byMethod = new Map(endpoints.map((e) => [e.method, e]));
  const allow = [...byMethod.keys()].join(", ");
  const dispatch = ({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) => {
    const method = request.method === "HEAD" ? "GET" : request.method;
    const endpoint = byMethod.get(method as HttpMethod);
    if (!endpoint) {
      const locale = localeFromAcceptLanguage(request.headers.get("Accept-Language"));
      return errorResponse(new ApiError("method_not_allowed", { headers: { Allow: allow } }), locale);
    }
    return runEndpoint(endpoint, { request, params, context });
  };
  return { loader: dispatch, action: dispatch };
}
