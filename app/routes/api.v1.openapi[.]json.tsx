import { apiRoute } from "~/api/endpoint.server";
import { openApiEndpoint } from "~/api/openapi.server";

export const { loader, action } = apiRoute(openApiEndpoint);
