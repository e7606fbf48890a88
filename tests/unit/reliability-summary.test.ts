import { describe, expect, it } from "vitest";

import { parseReliability } from "../../scripts/reliability.js";

describe("RELIABILITY lines", () => {
  it("sums key=value pairs across lines, through colour codes and vitest's stdout headers", () => {
    const output = [
      "stdout | tests/integration/hostile-input.test.ts",
      "\u001b[22m\u001b[39mRELIABILITY hostile_payloads=120 hostile_500s=0",
      "  ✓ something",
      "RELIABILITY hostile_payloads=30",
      "RELIABILITY kill_rounds=20 acknowledged_writes=881 acknowledged_writes_lost=0",
    ].join("\n");
    expect(parseReliability(output)).toEqual({
      hostile_payloads: 150,
      hostile_500s: 0,
      kill_rounds: 20,
      acknowledged_writes: 881,
      acknowledged_writes_lost: 0,
    });
  });

  it("ignores lines that only mention the word or carry malformed pairs", () => {
    const output = [
      "the RELIABILITY summary follows",
      "RELIABILITY hostile_500s=-1",
      "RELIABILITY Hostile=3",
      "RELIABILITY-SUMMARY kill_rounds=3",
    ].join("\n");
    expect(parseReliability(output)).toEqual({});
  });
});
