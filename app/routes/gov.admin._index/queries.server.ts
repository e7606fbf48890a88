import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import type { BureauActor } from "~/models/actor";
import { listAccounts, listActiveOrganisations } from "~/models/admin.server";
import { MANAGED_ROLES } from "~/models/gov-codes";

/** The accounts page: one page of accounts (filtered by role and name) and the organisations to pick. */
export async function accountsPage(actor: BureauActor, params: URLSearchParams) {
  const role = parseChoice(MANAGED_ROLES, params.get("role"));
  const q = params.get("q")?.trim().slice(0, 40) || null;
  const page = parsePage(params.get("page"));
  const [list, orgs] = await Promise.all([
    listAccounts(actor, { role, q, page, pageSize: PAGE_SIZE }),
    listActiveOrganisations(),
  ]);
  return { ...list, ...orgs, page };
}
