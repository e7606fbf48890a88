import { apiRoute } from "~/api/endpoint.server";
import { listApplications } from "~/api/endpoints/applications.server";

export const { loader, action } = apiRoute(listApplications);
