import { describe, expect, it } from "vitest";

import { createTtlCache } from "~/utils/ttl-cache";

describe("createTtlCache", () => {
  it("computes once within the ttl and again after it", async () => {
    let now = 0;
    let computed = 0;
    const cache = createTtlCache<number>({ ttlMs: 1000, max: 10, clock: () => now });
    const compute = async () => ++computed;
    expect(await cache.get("a", compute)).toBe(1);
    now = 999;
    expect(await cache.get("a", compute)).toBe(1);
    now = 1000;
    expect(await cache.get("a", compute)).toBe(2);
    expect(await cache.get("b", compute)).toBe(3);
  });

  it("shares one computation between concurrent callers", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1000, max: 10 });
    let calls = 0;
    let release!: (value: string) => void;
    const compute = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.get("k", compute);
    const second = cache.get("k", compute);
    release("done");
    expect(await Promise.all([first, second])).toEqual(["done", "done"]);
    expect(calls).toBe(1);
  });

  it("forgets a failed computation and drops the oldest entry beyond max", async () => {
    const cache = createTtlCache<number>({ ttlMs: 1000, max: 2 });
    await expect(cache.get("x", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("x", async () => 7)).toBe(7);
    await cache.get("y", async () => 8);
    await cache.get("z", async () => 9);
    expect(cache.size).toBe(2);
    expect(await cache.get("x", async () => 70)).toBe(70);
  });
});
