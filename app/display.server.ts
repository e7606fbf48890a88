import { createCookie } from "@remix-run/node";

import { isDisplayMode, type DisplayMode } from "./domain/display-mode";

/** The 长辈/大字 choice is remembered for a year, per browser (no account needed). */
export const displayCookie = createCookie("xyd_display", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

/** The page's display mode, read on the server so the first paint is already the right one. */
export async function getDisplayMode(request: Request): Promise<DisplayMode> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("xyd_display=")) return "standard";
  const value: unknown = await displayCookie.parse(header);
  return isDisplayMode(value) ? value : "standard";
}
