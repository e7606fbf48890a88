/**
 * Spaces calls out to at most `perSecond` a second: each `await throttle()` returns at the next
 * free slot (1000/perSecond ms after the previous one). For a job calling an external system in
 * a loop, one call at a time; the clock and the sleep are injectable for tests.
 */
export function createThrottle(
  perSecond: number,
  {
    now = () => Date.now(),
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  }: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
) {
  if (!(perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${perSecond}`);
  const spacingMs = 1000 / perSecond;
  let nextSlot = -Infinity;
  return async function throttle() {
    const at = now();
    const slot = Math.max(at, nextSlot);
    nextSlot = slot + spacingMs;
    if (slot > at) await sleep(slot - at);
  };
}
