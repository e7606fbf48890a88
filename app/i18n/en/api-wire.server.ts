import type { Widen } from "../zh-CN";
import type { apiWire as zhApiWire } from "../zh-CN/api-wire.server";

export const apiWire: Widen<typeof zhApiWire> = {
  errors: {
    signature_missing:
      "Signature headers missing: X-Xyd-Key, X-Xyd-Timestamp, X-Xyd-Nonce and X-Xyd-Signature are all required.",
    signature_malformed: "A signature header is malformed: {problem}.",
    key_unknown: "The API key is unknown or has been revoked.",
    signature_invalid:
      "Bad signature: compute HMAC-SHA256 of the request string with the secret, as documented.",
    timestamp_out_of_window:
      "The request timestamp is more than {seconds} s from the server's clock; check the system clock.",
    nonce_reused: "This nonce was already used by this key in the last 10 minutes (a replay?).",
    rate_limited: "Too many requests: at most {limit} a minute per key; retry in {seconds} s.",
    payload_too_large: "The request body is larger than 1 MiB.",
    unsupported_media_type: "The request body must be application/json (UTF-8).",
    invalid_json: "The request body is not valid JSON.",
    invalid_request: "The request is not valid; see fields.",
    validation_failed: "The request breaks a business rule; see fields.",
    idempotency_key_missing:
      "POST, PUT and DELETE requests need an Idempotency-Key header (1–64 characters).",
    idempotency_key_invalid: "Idempotency-Key must be 1–64 printable ASCII characters.",
    idempotency_key_reused: "This Idempotency-Key was already used for a request with another body.",
    filing_refused: "The loan cannot be filed with the pool; every reason is in fields.",
    claim_refused: "No claim can be made on this loan yet; every reason is in fields.",
    idempotency_key_in_use: "The earlier request with this Idempotency-Key is still running; retry shortly.",
    not_found: "Not found.",
    forbidden: "This action is not allowed.",
    version_conflict: "The record has changed (version mismatch); fetch it again before acting.",
    invalid_transition:
      "This action is not possible in the record's current state (an application's or a product's).",
    method_not_allowed: "This method is not supported here.",
    conflict: "Conflicts with existing data; see fields.",
    internal_error: "Internal error; please retry later.",
  },
  signatureProblems: {
    malformed_key: "X-Xyd-Key must be 3–64 letters, digits, _ or -",
    malformed_timestamp: "X-Xyd-Timestamp must be Unix seconds",
    malformed_nonce: "X-Xyd-Nonce must be 16–64 letters, digits, _ or -",
  },
  conflicts: {
    offerDuplicate: "this product already has a pending offer on this demand",
    productChanged: "the product's status has changed",
    productGone: "the product is not published",
  },
};
