import { createCookie, redirect } from "@remix-run/node";

import type { MessageParams } from "./i18n/translate";

/** A one-time message shown after a redirect ("saved", "signed out"…), as a catalogue key. */
export type Flash = { kind: "success" | "info" | "error"; key: string; params?: MessageParams };

const flashCookie = createCookie("xyd_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export async function flashHeader(flash: Flash) {
  return flashCookie.serialize(flash);
}

export async function redirectWithFlash(to: string, flash: Flash, init?: { headers?: HeadersInit }) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await flashHeader(flash));
  return redirect(to, { headers });
}

/** Reads the flash of a request and the header that clears it. */
export async function consumeFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader?.includes("xyd_flash=")) return { flash: null, clear: null };
  const value: unknown = await flashCookie.parse(cookieHeader);
  const clear = await flashCookie.serialize("", { maxAge: 0 });
  if (!value || typeof value !== "object") return { flash: null, clear };
  const flash = value as Flash;
  if (typeof flash.key !== "string" || !["success", "info", "error"].includes(flash.kind)) {
    return { flash: null, clear };
  }
  return { flash, clear };
}
