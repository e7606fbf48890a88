import { describe, expect, it } from "vitest";

import { createThrottle } from "~/utils/throttle";

describe("createThrottle", () => {
  it("lets calls through at most n a second: at 5/s, one every 200 ms", async () => {
    let clock = 1_000;
    const starts: number[] = [];
    const throttle = createThrottle(5, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    for (let i = 0; i < 6; i++) {
      await throttle();
      starts.push(clock);
      clock += 30; // the call itself takes 30 ms
    }
    expect(starts).toEqual([1000, 1200, 1400, 1600, 1800, 2000]);
  });

  it("does not wait when calls are slower than the rate", async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = createThrottle(5, {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    for (let i = 0; i < 3; i++) {
      await throttle();
      clock += 500;
    }
    expect(waits).toEqual([]);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => createThrottle(0)).toThrow(RangeError);
  });
});
