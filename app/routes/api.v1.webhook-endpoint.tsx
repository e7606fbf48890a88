import { apiRoute } from "~/api/endpoint.server";
import { putWebhookEndpoint } from "~/api/endpoints/events.server";

export const { loader, action } = apiRoute(putWebhookEndpoint);
