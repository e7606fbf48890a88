import { PAGE_SIZE, parseChoice, parseId, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { ENTRY_STATUSES } from "~/models/gov-codes";
import { listEntries } from "~/models/whitelist.server";

/** A page of whitelist entries filtered by status, batch and a search of the firm. */
export async function whitelistPage(actor: GovActor, params: URLSearchParams) {
  const status = parseChoice(ENTRY_STATUSES, params.get("status"));
  const batchId = parseId(params.get("batch"));
  const q = params.get("q")?.trim().slice(0, 50) || null;
  const page = parsePage(params.get("page"));
  return { page, ...(await listEntries(actor, { status, batchId, q, page, pageSize: PAGE_SIZE })) };
}
