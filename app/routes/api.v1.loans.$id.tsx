import { apiRoute } from "~/api/endpoint.server";
import { getLoanEndpoint } from "~/api/endpoints/loans.server";

export const { loader, action } = apiRoute(getLoanEndpoint);
