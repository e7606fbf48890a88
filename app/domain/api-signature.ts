/**
 * The request signature of the bank API (SPEC, "Bank systems"): what is signed, how a signature
 * is written and how it is compared. Pure — the portal's pipeline, the reference client
 * (scripts/api-call.ts), the tests and the bench all sign and check with this one module, so the
 * two sides cannot drift apart.
 *
 *   v1 = hex(HMAC-SHA256(secret, METHOD \n path-with-query \n timestamp \n nonce \n hex(SHA-256(body))))
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADERS = {
  key: "X-Xyd-Key",
  timestamp: "X-Xyd-Timestamp",
  nonce: "X-Xyd-Nonce",
  signature: "X-Xyd-Signature",
} as const;

/** A request's timestamp may be this far from the server's clock, either way. */
export const CLOCK_SKEW_SECONDS = 300;
/** A nonce is refused again by the same key for this long. */
export const NONCE_TTL_MS = 10 * 60 * 1000;

export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const SIGNATURE_PATTERN = /^v1=([0-9a-f]{64})$/;

export function sha256Hex(body: Uint8Array | string): string {
  return createHash("sha256").update(body).digest("hex");
}

export type SignedParts = {
  method: string;
  /** the request target as sent: path and query string, e.g. /api/v1/applications?limit=10 */
  pathWithQuery: string;
  timestamp: string;
  nonce: string;
  /** hex SHA-256 of the raw body (of the empty string when there is none) */
  bodySha256: string;
};

/** The string that is signed. */
export function canonicalString(parts: SignedParts): string {
  return [
    parts.method.toUpperCase(),
    parts.pathWithQuery,
    parts.timestamp,
    parts.nonce,
    parts.bodySha256,
  ].join("\n");
}

/** The hex HMAC of the canonical string (without the "v1=" prefix). */
export function signatureHex(secret: string, parts: SignedParts): string {
  return createHmac("sha256", secret).update(canonicalString(parts)).digest("hex");
}

/**
 * Whether the X-Xyd-Signature header carries the expected hex HMAC. The comparison takes the same
 * time wherever the first wrong character is (a timing side channel would let a caller guess a
 * valid signature byte by byte).
 */
export function signatureMatches(header: string, expectedHex: string): boolean {
  const match = SIGNATURE_PATTERN.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1], "hex");
  const expected = Buffer.from(expectedHex, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type HeaderProblem = "missing" | "malformed_timestamp" | "malformed_nonce" | "malformed_key";

/** The four signing headers of a request, checked for form only (no secret involved). */
export function readSignatureHeaders(get: (name: string) => string | null):
  | { ok: true; keyId: string; timestamp: number; timestampText: string; nonce: string; signature: string }
  | {
      ok: false;
      problem: HeaderProblem;
    } {
  const keyId = get(SIGNATURE_HEADERS.key);
  const timestampText = get(SIGNATURE_HEADERS.timestamp);
  const nonce = get(SIGNATURE_HEADERS.nonce);
  const signature = get(SIGNATURE_HEADERS.signature);
  if (!keyId || !timestampText || !nonce || !signature) return { ok: false, problem: "missing" };
  if (!KEY_ID_PATTERN.test(keyId)) return { ok: false, problem: "malformed_key" };
  if (!TIMESTAMP_PATTERN.test(timestampText)) return { ok: false, problem: "malformed_timestamp" };
  if (!NONCE_PATTERN.test(nonce)) return { ok: false, problem: "malformed_nonce" };
  return { ok: true, keyId, timestamp: Number(timestampText), timestampText, nonce, signature };
}

/** Whether a request signed at `timestamp` (Unix seconds) is inside the window around `nowMs`. */
export function withinClockWindow(timestamp: number, nowMs: number): boolean {
  return Math.abs(nowMs / 1000 - timestamp) <= CLOCK_SKEW_SECONDS;
}

/** The four headers a bank system sends with a request (what scripts/api-call.ts does). */
export function signRequest({
  keyId,
  secret,
  method,
  pathWithQuery,
  body = "",
  timestamp,
  nonce,
}: {
  keyId: string;
  secret: string;
  method: string;
  pathWithQuery: string;
  body?: Uint8Array | string;
  timestamp: number;
  nonce: string;
}): Record<string, string> {
  const parts: SignedParts = {
    method,
    pathWithQuery,
    timestamp: String(timestamp),
    nonce,
    bodySha256: sha256Hex(body),
  };
  return {
    [SIGNATURE_HEADERS.key]: keyId,
    [SIGNATURE_HEADERS.timestamp]: parts.timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v1=${signatureHex(secret, parts)}`,
  };
}
