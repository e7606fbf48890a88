import { apiRoute } from "~/api/endpoint.server";
import { getReconciliation } from "~/api/endpoints/reconciliation.server";

export const { loader, action } = apiRoute(getReconciliation);
