import type { LoaderFunctionArgs } from "@remix-run/node";

import { searchFirmChoices } from "~/models/gov-firms.server";
import { requireOfficeUser } from "~/permissions.server";

/**
 * The firm picker's choices (app/components/firm-picker.tsx): `?q=` a name or the start of a
 * USCC; the office's own firms only, twenty at most, never cached.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return Response.json(
    { firms: await searchFirmChoices(actor, query) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
