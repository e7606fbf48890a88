import { apiRoute } from "~/api/endpoint.server";
import { getCreditProfile } from "~/api/endpoints/enterprises.server";

export const { loader, action } = apiRoute(getCreditProfile);
