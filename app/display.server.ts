import { isDisplayMode, type DisplayMode } from "./domain/display-mode";
import { createPreferenceCookie, readPreference } from "./preference-cookie.server";

/** The 长辈/大字 choice. */
export const displayCookie = createPreferenceCookie("xyd_display");

/** The page's display mode, read on the server so the first paint is already the right one. */
export async function getDisplayMode(request: Request): Promise<DisplayMode> {
  return (await readPreference(displayCookie, request, isDisplayMode)) ?? "standard";
}
