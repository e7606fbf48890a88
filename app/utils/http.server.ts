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

/** Only same-site relative paths: never redirect to another origin. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

export { json, redirect };
