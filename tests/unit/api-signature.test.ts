import { describe, expect, it } from "vitest";

import { CLOCK_SKEW_SECONDS, withinClockWindow } from "~/domain/api-signature";

describe("the clock window", () => {
  const nowMs = Date.UTC(2026, 11, 7, 4, 0, 0, 500);
  const nowSeconds = nowMs / 1000;

  it("is 300 seconds either way", () => {
    expect(CLOCK_SKEW_SECONDS).toBe(300);
  });

  it("takes a timestamp 299.5 s away and refuses one 300.5 s away, either way", () => {
    // the server's clock is half-way through a second: 299.5 s and 300.5 s away
    expect(withinClockWindow(Math.floor(nowSeconds) - 299, nowMs)).toBe(true);
    expect(withinClockWindow(Math.floor(nowSeconds) - 300, nowMs)).toBe(false);
    expect(withinClockWindow(Math.floor(nowSeconds) + 300, nowMs)).toBe(true);
    expect(withinClockWindow(Math.floor(nowSeconds) + 301, nowMs)).toBe(false);
  });

  it("takes exactly 300 s on a whole second", () => {
    const whole = Date.UTC(2026, 11, 7, 4, 0, 0);
    expect(withinClockWindow(whole / 1000 - 300, whole)).toBe(true);
    expect(withinClockWindow(whole / 1000 + 300, whole)).toBe(true);
    expect(withinClockWindow(whole / 1000 - 301, whole)).toBe(false);
    expect(withinClockWindow(whole / 1000 + 301, whole)).toBe(false);
  });
});
