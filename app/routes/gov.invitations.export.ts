import type { LoaderFunctionArgs } from "@remix-run/node";

import { clientIpOf } from "~/client-ip.server";
import { getLocale } from "~/i18n/locale.server";
import { exportFunnel } from "~/models/funnel-export.server";
import { requireGovUser } from "~/permissions.server";

/** The invitation funnel of the actor's scope as CSV (one row per office, the total last); audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return exportFunnel(actor, new URL(request.url).searchParams, {
    locale: await getLocale(request),
    ip: clientIpOf(context),
  });
}
