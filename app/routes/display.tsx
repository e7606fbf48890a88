import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";

import { displayCookie } from "~/display.server";
import { isDisplayMode } from "~/domain/display-mode";
import { safeRedirectPath } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

/** The header's 长辈/大字 switch: remembers the display mode in a cookie, back to the page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const mode = form.get("mode");
  const back = safeRedirectPath(form.get("redirectTo"));
  // Only a hand-made request sends another value: the switch offers the two modes.
  if (!isDisplayMode(mode)) return json({ error: "common.validation.invalidChoice" }, { status: 400 });
  return redirect(back, { headers: { "Set-Cookie": await displayCookie.serialize(mode) } });
}

export function loader() {
  return redirect("/");
}
