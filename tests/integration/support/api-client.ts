import { randomBytes } from "node:crypto";

import { signRequest } from "~/domain/api-signature";

export const API_BASE = "http://localhost:3000";

export type ApiKey = { keyId: string; secret: string };

export type SignedOptions = {
  method?: string;
  /** path with query, e.g. /api/v1/applications?limit=5 */
  path: string;
  /** a JSON value (serialised) or a raw string */
  body?: unknown;
  key: ApiKey;
  idempotencyKey?: string | null;
  timestamp?: number;
  nonce?: string;
  headers?: Record<string, string>;
  /** sign this instead of the real body (to prove the body is covered) */
  signBody?: string;
};

export const newNonce = () => randomBytes(12).toString("base64url");

/** A request as a bank system sends it: signed, with an Idempotency-Key on writes. */
export function signedRequest({
  method = "GET",
  path,
  body,
  key,
  idempotencyKey,
  timestamp = Math.floor(Date.now() / 1000),
  nonce = newNonce(),
  headers = {},
  signBody,
}: SignedOptions): Request {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  const signature = signRequest({
    keyId: key.keyId,
    secret: key.secret,
    method,
    pathWithQuery: path,
    body: signBody ?? text,
    timestamp,
    nonce,
  });
  const write = method !== "GET" && method !== "HEAD";
  return new Request(new URL(path, API_BASE), {
    method,
    body: write && text ? text : undefined,
    headers: {
      ...signature,
      ...(text && write ? { "Content-Type": "application/json" } : {}),
      ...(write && idempotencyKey !== null ? { "Idempotency-Key": idempotencyKey ?? newNonce() } : {}),
      ...headers,
    },
  });
}

export type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } };
