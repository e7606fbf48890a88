import { apiRoute } from "~/api/endpoint.server";
import { getApplication } from "~/api/endpoints/applications.server";

export const { loader, action } = apiRoute(getApplication);
