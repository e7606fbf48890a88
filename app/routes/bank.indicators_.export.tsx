import type { LoaderFunctionArgs } from "@remix-run/node";

import { clientIpOf } from "~/client-ip.server";
import { getLocale } from "~/i18n/locale.server";
import { exportIndicators } from "~/models/indicator-export.server";
import { requireBankUser } from "~/permissions.server";

/** CSV or XLSX of the bank's own indicators, same scope as the page; audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return exportIndicators(actor, new URL(request.url).searchParams, {
    locale: await getLocale(request),
    ip: clientIpOf(context),
  });
}
