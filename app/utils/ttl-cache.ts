/**
 * A small in-process cache of computed values for `ttlMs`, at most `max` entries (the oldest
 * goes first). Callers asking for a key that is being computed share the same promise, so a
 * burst of identical requests computes once. A failed computation is not kept.
 *
 * Only for values that may be a little stale and are cheap to lose (every process has its own;
 * nothing is shared between app servers).
 */
export interface TtlCache<V> {
  get(key: string, compute: () => Promise<V>): Promise<V>;
  clear(): void;
  readonly size: number;
}

export function createTtlCache<V>({
  ttlMs,
  max,
  clock = () => Date.now(),
}: {
  ttlMs: number;
  max: number;
  clock?: () => number;
}): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, compute) {
      const found = entries.get(key);
      if (found && clock() - found.at < ttlMs) return found.value;
      if (found) entries.delete(key);
      const value = compute();
      entries.set(key, { at: clock(), value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
