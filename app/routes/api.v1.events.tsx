import { apiRoute } from "~/api/endpoint.server";
import { listEventFeed } from "~/api/endpoints/events.server";

export const { loader, action } = apiRoute(listEventFeed);
