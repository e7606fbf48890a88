import type { Prisma } from "@prisma/client";

/** The events of an application as both sides' timelines show them: who, what, when, with what data. */
export const timelineEventsSelect = {
  select: {
    id: true,
    fromState: true,
    toState: true,
    at: true,
    data: true,
    actor: { select: { displayName: true, role: true } },
  },
  orderBy: [{ at: "asc" }, { id: "asc" }],
} satisfies Prisma.Application$eventsArgs;

/** An event's stored JSON, or {} when it is not an object (never a 500 for a bad row). */
export function eventData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function toTimeline<E extends { data: string }>(events: E[]) {
  return events.map((event) => ({ ...event, data: eventData(event.data) }));
}
