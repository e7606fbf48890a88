import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { listInvitations } from "~/models/invitation.server";
import { getSettings } from "~/models/settings.server";

/** A page of invitations and how many days an invitation stays valid. */
export async function invitationsPage(actor: GovActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  const [list, settings] = await Promise.all([
    listInvitations(actor, { page, pageSize: PAGE_SIZE }),
    getSettings(),
  ]);
  return { page, ...list, validDays: settings["invitation.validDays"] };
}
