import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { db } from "~/db.server";
import type { BankActor } from "~/models/actor";
import { createSession } from "~/session.server";

export const BASE_URL = "http://localhost:3000";

/** A Cookie header for a fresh session of the user, as the browser would send it. */
export async function sessionCookieFor(userId: string) {
  const setCookie = await createSession(new Request(BASE_URL), userId);
  return setCookie.split(";")[0];
}

type RequestOptions = { cookie?: string; headers?: Record<string, string> };

export function getRequest(pathname: string, { cookie, headers }: RequestOptions = {}) {
  return new Request(new URL(pathname, BASE_URL), {
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

export function postRequest(
  pathname: string,
  form: Record<string, string | string[]>,
  { cookie, headers }: RequestOptions = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return new Request(new URL(pathname, BASE_URL), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
  });
}

/** Calls a loader or action the way Remix does; a thrown Response is returned, not thrown. */
export async function call(
  fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response | unknown> {
  try {
    return await fn({ request, params, context: {} });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** The status of what a loader/action returned (plain objects are 200). */
export function statusOf(result: unknown) {
  return result instanceof Response ? result.status : 200;
}

export async function jsonOf<T = unknown>(result: unknown): Promise<T> {
  if (result instanceof Response) return (await result.json()) as T;
  return result as T;
}

export { db };

/** A bank officer as the models see one (no user row): for model functions that take a bank actor. */
export function bankActorOf(bankId: string): BankActor {
  return {
    id: "u",
    username: "u",
    displayName: "u",
    role: "BANK",
    bankId,
    enterpriseId: null,
    subDistrictId: null,
    organization: null,
  };
}
