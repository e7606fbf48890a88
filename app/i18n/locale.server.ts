import { createPreferenceCookie, readPreference } from "~/preference-cookie.server";

import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
// every request reads its locale here: both catalogues are registered before anything renders
import "./translate.server";

/** The language switch. */
export const localeCookie = createPreferenceCookie("xyd_lang");

/** Chosen language (cookie) first, then the browser's Accept-Language, then Chinese. */
export async function getLocale(request: Request): Promise<Locale> {
  return (
    (await readPreference(localeCookie, request, isLocale)) ??
    localeFromAcceptLanguage(request.headers.get("Accept-Language")) ??
    DEFAULT_LOCALE
  );
}
