import { describe, expect, it } from "vitest";

import { growth, pageP95s } from "../../bench/growth";

const line = (name: string, value: number) =>
  JSON.stringify({ name, value, unit: "ms", baseline: null, ratio: null });

describe("the bench's growth from T1 to T2", () => {
  it("reads only the pages' p95 lines of a bench output", () => {
    const output = [
      "» (h) every page of GOV_BUREAU",
      line("page.GOV_BUREAU./gov.p50", 20),
      line("page.GOV_BUREAU./gov.p95", 30),
      line("http.candidates.page1.sequential.p95", 44),
      line("page.BANK./bank/loans.p95", 12.5),
    ].join("\n");
    expect([...pageP95s(output)]).toEqual([
      ["GOV_BUREAU./gov", 30],
      ["BANK./bank/loans", 12.5],
    ]);
  });

  it("divides T2 by T1 per page, projects T3 by the same factor (never below T2), fastest-growing first, skipping pages of one tier", () => {
    const t1 = new Map([
      ["a", 10],
      ["b", 40],
      ["c", 20],
      ["only-t1", 5],
    ]);
    const t2 = new Map([
      ["a", 15],
      ["b", 120],
      ["c", 16],
      ["only-t2", 9],
    ]);
    expect(growth(t1, t2)).toEqual([
      { page: "b", t1: 40, t2: 120, ratio: 3, t3: 360 },
      { page: "a", t1: 10, t2: 15, ratio: 1.5, t3: 22.5 },
      // faster at T2 is noise: the projection keeps T2's figure
      { page: "c", t1: 20, t2: 16, ratio: 0.8, t3: 16 },
    ]);
  });
});
