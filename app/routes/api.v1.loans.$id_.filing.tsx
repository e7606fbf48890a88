import { apiRoute } from "~/api/endpoint.server";
import { fileLoanEndpoint } from "~/api/endpoints/loans.server";

export const { loader, action } = apiRoute(fileLoanEndpoint);
