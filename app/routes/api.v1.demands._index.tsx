import { apiRoute } from "~/api/endpoint.server";
import { listDemands } from "~/api/endpoints/demands.server";

export const { loader, action } = apiRoute(listDemands);
