import { PAGE_SIZE, parsePage } from "~/domain/list-query";
import type { GovActor } from "~/models/actor";
import { listActiveOrganisations } from "~/models/admin.server";
import { listTrainings } from "~/models/training.server";

/** A page of training sessions and, for the bureau who records them, the banks and offices to name. */
export async function trainingPage(actor: GovActor, params: URLSearchParams) {
  const page = parsePage(params.get("page"));
  const [list, choices] = await Promise.all([
    listTrainings(actor, { page, pageSize: PAGE_SIZE }),
    actor.role === "GOV_BUREAU"
      ? listActiveOrganisations()
      : Promise.resolve({ banks: [], subDistricts: [] }),
  ]);
  return { page, ...list, ...choices };
}
