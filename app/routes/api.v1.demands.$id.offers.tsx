import { apiRoute } from "~/api/endpoint.server";
import { createDemandOffer } from "~/api/endpoints/demands.server";

export const { loader, action } = apiRoute(createDemandOffer);
