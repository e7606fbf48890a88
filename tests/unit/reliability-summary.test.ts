import { describe, expect, it } from "vitest";

import { parseFigures } from "../../scripts/reliability.js";

describe("figure lines of the reliability checks", () => {
  it("sums PREFIX key=value pairs across lines, through colour codes and vitest's stdout headers", () => {
    const output = [
      "stdout | tests/integration/hostile-input.test.ts",
      "\u001b[22m\u001b[39mHOSTILE payloads=120 errors500=0 rowsChanged=0 seed=42",
      "  ✓ something",
      "HOSTILE payloads=30",
      "RELIABILITY kill_rounds=20 acknowledged_writes=881 acknowledged_writes_lost=0",
      "MATRIX cells=500 unexpectedAllows=0",
    ].join("\n");
    expect(parseFigures(output)).toEqual({
      "HOSTILE.payloads": 150,
      "HOSTILE.errors500": 0,
      "HOSTILE.rowsChanged": 0,
      "HOSTILE.seed": 42,
      "RELIABILITY.kill_rounds": 20,
      "RELIABILITY.acknowledged_writes": 881,
      "RELIABILITY.acknowledged_writes_lost": 0,
      "MATRIX.cells": 500,
      "MATRIX.unexpectedAllows": 0,
    });
  });

  it("ignores prose, negative or non-numeric values and the summary's own line", () => {
    const output = [
      "the RELIABILITY summary follows",
      "RELIABILITY hostile_500s=-1",
      "HOSTILE payloads=many",
      "RELIABILITY-SUMMARY kill_rounds=3",
      "Error: expected 1 to be 2",
      "✓ MATRIX cells=3",
    ].join("\n");
    expect(parseFigures(output)).toEqual({});
  });
});
