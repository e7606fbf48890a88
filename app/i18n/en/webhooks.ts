import type { Catalog } from "../zh-CN";

/** The bank's webhook page and the bureau's delivery log. */
export const webhooks: Catalog["webhooks"] = {
  nav: "Webhooks",
  adminNav: "Webhooks",
  title: "Webhooks",
  intro:
    "When an event happens the portal POSTs signed JSON to your bank's system (failures are retried after 1 min, 5 min, 30 min, 2 h and 6 h; after 72 hours the delivery is marked failed). Banks that poll can use GET /api/v1/events instead.",
  adminTitle: "Webhook deliveries",
  adminIntro: "Every bank's deliveries. A failed delivery can be sent again from here (audited).",
  endpoint: {
    title: "Endpoint",
    url: "Endpoint URL (https)",
    urlHint: "Must be https and resolve to a public address",
    events: "Events subscribed",
    eventsHint: "No events pauses deliveries; the event feed keeps every event either way",
    save: "Save and issue a new secret",
    saving: "Saving…",
    none: "No endpoint yet. Once it is set, the portal signs every delivery with a newly issued secret.",
    current: "Current URL: {url}",
    secretHint: "Signing secret: {hint} (the full secret is shown once, when saved)",
    updated: "Updated {at}",
    shownOnce: "Save the signing secret now; it is shown this once only:",
    secret: "Signing secret",
    docs: "API reference",
  },
  deliveries: {
    title: "Deliveries",
    empty: "No deliveries yet. Once an endpoint is set and events are subscribed, new events appear here.",
    emptyFiltered: "No deliveries in this state.",
    state: "State",
    any: "All",
    bank: "Bank",
    type: "Event",
    eventId: "Event ID",
    createdAt: "Created",
    attempts: "Attempts",
    last: "Last attempt",
    lastStatus: "HTTP {status}",
    noAttempt: "Not tried yet",
    next: "Next try {at}",
    redeliver: "Send again",
    redelivering: "Queuing…",
    count: "{count} in all",
    states: {
      PENDING: "Pending",
      DELIVERED: "Delivered",
      FAILED: "Failed",
    },
  },
  flash: {
    redelivered: "Queued for delivery again",
  },
  errors: {
    notFound: "No such delivery",
    notFailed: "Only a failed delivery can be sent again",
  },
};
