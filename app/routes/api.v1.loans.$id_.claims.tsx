import { apiRoute } from "~/api/endpoint.server";
import { fileClaimEndpoint } from "~/api/endpoints/loans.server";

export const { loader, action } = apiRoute(fileClaimEndpoint);
