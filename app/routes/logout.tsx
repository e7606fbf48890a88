import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { clientIpOf } from "~/client-ip.server";
import { flashHeader } from "~/flash.server";
import { destroySession } from "~/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await destroySession(request, { ip: clientIpOf(context) }));
  headers.append("Set-Cookie", await flashHeader({ kind: "info", key: "common.flash.signedOut" }));
  return redirect("/", { headers });
}

/** Logging out changes state, so it is a POST; a GET just goes home. */
export function loader() {
  return redirect("/");
}
