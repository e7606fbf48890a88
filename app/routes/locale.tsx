import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";

import { localeCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locales";
import { setUserLocale } from "~/models/user.server";
import { getActor } from "~/permissions.server";
import { safeRedirectPath } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

/** The header's language switch: remembers the choice in a cookie (and on the account). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"));
  // Only a hand-made request sends another value: the switch offers the two locales.
  if (!isLocale(locale)) return json({ error: "common.validation.invalidChoice" }, { status: 400 });
  const actor = await getActor(request);
  if (actor) await setUserLocale(actor.id, locale);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect("/");
}
