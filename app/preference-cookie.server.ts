import { createCookie, type Cookie } from "@remix-run/node";

/** A per-browser choice (language, display mode), remembered for a year; no account needed. */
export function createPreferenceCookie(name: string): Cookie {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}

/** The choice the request's cookie holds, or undefined when it holds none `isChoice` accepts. */
export async function readPreference<T>(
  cookie: Cookie,
  request: Request,
  isChoice: (value: unknown) => value is T,
): Promise<T | undefined> {
  const header = request.headers.get("Cookie");
  // no cookie of this name: skip the parse (most requests of a first visit)
  if (!header?.includes(`${cookie.name}=`)) return undefined;
  const value: unknown = await cookie.parse(header);
  return isChoice(value) ? value : undefined;
}
