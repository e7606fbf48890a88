import { WEBHOOK_EVENT_TYPES } from "~/domain/webhook-events";
import { setWebhookEndpoint } from "~/models/webhook-endpoint.server";
import { EVENTS_PAGE_MAX, listEvents } from "~/models/webhook-event.server";

import { defineEndpoint, reply } from "../endpoint.server";
import { ApiError } from "../errors.server";
import { time } from "../wire";
import { z } from "../zod";

const eventSchema = z
  .object({
    id: z.string().openapi({ example: "evt_5f1c0e4a9b7d2c3e4f5a6b7c" }),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    createdAt: time,
    data: z.record(z.unknown()),
  })
  .openapi("Event");

export const listEventFeed = defineEndpoint({
  method: "GET",
  path: "/events",
  operationId: "listEvents",
  tag: "events",
  summary: "The event feed, for banks that poll instead of (or besides) receiving webhooks",
  description:
    "The same events, ids and bodies as the webhooks, oldest first. `after` is the id of the last event processed; `next` is null when the bank has caught up (ask again later with the last id).",
  query: z.object({
    after: z.string().max(64).optional().openapi({ description: "the id of the last event processed" }),
    limit: z.coerce.number().int().min(1).max(EVENTS_PAGE_MAX).default(50),
  }),
  response: z.object({ data: z.array(eventSchema), next: z.string().nullable() }),
  errors: [400],
  examples: [
    {
      summary: "a new application",
      query: { limit: "10" },
      response: {
        data: [
          {
            id: "evt_5f1c0e4a9b7d2c3e4f5a6b7c",
            type: "application.submitted",
            createdAt: "2026-12-06T09:00:00.000+08:00",
            data: { number: "XYD-20261206-0042", state: "SUBMITTED" },
          },
        ],
        next: null,
      },
    },
  ],
  handle: async ({ actor, query }) => {
    const result = await listEvents(actor, { after: query.after ?? null, limit: query.limit });
    if (!result.ok)
      throw new ApiError("invalid_request", { fields: { after: { key: "api.fields.cursor" } } });
    return reply({ data: result.data, next: result.next });
  },
});

export const putWebhookEndpoint = defineEndpoint({
  method: "PUT",
  path: "/webhook-endpoint",
  operationId: "setWebhookEndpoint",
  tag: "events",
  summary: "Set where the bank's events are POSTed; answers a new signing secret each time",
  description:
    'The URL must be https and resolve to a public address. The secret is shown in this answer only; webhooks are signed `X-Xyd-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + raw body))`. An empty `events` list pauses deliveries.',
  body: z
    .object({
      url: z.string().max(2048).openapi({ example: "https://loans.zzbank.example/xyd/webhooks" }),
      events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length),
    })
    .strict()
    .openapi("WebhookEndpointInput"),
  response: z
    .object({ url: z.string(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)), secret: z.string() })
    .openapi("WebhookEndpoint"),
  errors: [400, 422],
  examples: [
    {
      summary: "subscribe to applications",
      body: {
        url: "https://loans.zzbank.example/xyd/webhooks",
        events: ["application.submitted", "application.withdrawn"],
      },
      response: {
        url: "https://loans.zzbank.example/xyd/webhooks",
        events: ["application.submitted", "application.withdrawn"],
        secret: "whsec_3q2+7w0example0secret0only",
      },
    },
  ],
  handle: async ({ actor, body, ip, now }) => {
    const result = await setWebhookEndpoint(actor, body, { ip, now });
    if (!result.ok)
      throw new ApiError("validation_failed", {
        fields: { url: { key: `api.webhookUrl.${result.problem}` } },
      });
    return reply(result.endpoint);
  },
});
