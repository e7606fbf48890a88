import { apiRoute } from "~/api/endpoint.server";
import { transition } from "~/api/endpoints/applications.server";

export const { loader, action } = apiRoute(transition);
