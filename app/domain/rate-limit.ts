/**
 * The bank API's request limit (600 a minute per client) as a sliding window estimated from two
 * fixed one-minute counters: the previous minute's count weighs by the part of it still inside
 * the last 60 seconds. Two counters are all the shared state the limit needs, so several app
 * servers can keep them in the database (docs/decisions/016-bank-api.md); a fixed window alone
 * would let a client send twice the limit across a minute boundary.
 */

export const MINUTE_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * `current` counts this request already; `msIntoMinute` is how far the current minute has run.
 * When refused, `retryAfterSeconds` is the wait (whole seconds, at least 1) after which one more
 * request would be inside the limit, if nothing else is sent meanwhile.
 */
export function slidingWindowDecision({
  previous,
  current,
  msIntoMinute,
  limit,
}: {
  previous: number;
  current: number;
  msIntoMinute: number;
  limit: number;
}): RateDecision {
  const remainingOfPrevious = (MINUTE_MS - msIntoMinute) / MINUTE_MS;
  if (previous * remainingOfPrevious + current <= limit) return { allowed: true };
  // One more request at msIntoMinute + t must see previous·(1 − (ms + t)/60 s) + current + 1 ≤ limit.
  let waitMs: number;
  if (current + 1 <= limit && previous > 0) {
    const weightAllowed = (limit - current - 1) / previous;
    waitMs = MINUTE_MS - msIntoMinute - weightAllowed * MINUTE_MS;
  } else {
    // Not in this minute: in the next, this minute's count weighs (1 − ms′/60 s): current·(1 − ms′/60 s) + 1 ≤ limit.
    const intoNext = current > 0 ? MINUTE_MS * Math.max(0, 1 - (limit - 1) / current) : 0;
    waitMs = MINUTE_MS - msIntoMinute + intoNext;
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
