import { createCookie } from "@remix-run/node";

import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
// every request reads its locale here: both catalogues are registered before anything renders
import "./translate.server";

/** The language switch is remembered for a year. */
export const localeCookie = createCookie("xyd_lang", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

/** Chosen language (cookie) first, then the browser's Accept-Language, then Chinese. */
export async function getLocale(request: Request): Promise<Locale> {
  const header = request.headers.get("Cookie");
  if (header?.includes("xyd_lang=")) {
    const value: unknown = await localeCookie.parse(header);
    if (isLocale(value)) return value;
  }
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
