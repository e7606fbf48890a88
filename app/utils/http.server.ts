import { json, redirect } from "@remix-run/node";

import type { FieldErrors } from "./forms";

/** Throws a Response with a status when the condition is false (404 by default). */
export function invariantResponse(
  condition: unknown,
  message = "Not Found",
  status = 404,
): asserts condition {
  if (!condition)
    throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function notFound(message = "Not Found"): never {
  throw new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A form that failed validation: the field errors and the user's input, status 400. */
export function badRequest<T>(data: T, init?: ResponseInit) {
  return json(data, { ...init, status: 400 });
}

/** A create form submitted again whose key belongs to someone else (app/models/form-key.server.ts). */
export function formReused() {
  return json<{ errors: FieldErrors; values: Record<string, string | string[]> }>(
    { errors: { _form: { key: "common.errors.formReused" } }, values: {} },
    { status: 409 },
  );
}

/** Longer than any path and query of the portal: a target this long is refused, not trimmed. */
export const MAX_REDIRECT_LENGTH = 2048;
/**
 * Stands for the portal's own origin when a target is resolved. Only targets that stay on it
 * are kept, and only their path, query and fragment are returned, so the host the portal is
 * really served from does not matter (and is not trusted from a request header).
 */
const OWN_ORIGIN = "http://portal.invalid";
// C0 and C1 controls, DEL and the backslash. Browsers drop TAB, LF and CR from a URL and read
// "\" as "/" before they resolve it, so "/<TAB>/evil.example" and "/\evil.example" leave the
// site; and CR, LF or NUL in a Location header make the response itself fail.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TARGET = /[\u0000-\u001F\u007F-\u009F\\]/;

/**
 * A user-supplied redirect target (a `redirectTo` field) reduced to a path of this site, or
 * `fallback`. The target is resolved with the URL parser against the portal's own origin, as a
 * browser would resolve the Location header; it must stay on that origin, and only
 * pathname + search + hash is returned. Control characters, backslashes, scheme-relative
 * targets, other schemes (`javascript:`, `data:`), userinfo tricks and over-long input all fall
 * back — so does a target whose dot segments collapse into "//host" ("/..//evil.example").
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (UNSAFE_IN_TARGET.test(to) || !to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.length > MAX_REDIRECT_LENGTH) return fallback;
  return path;
}

export { json, redirect };
