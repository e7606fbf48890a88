import { describe, expect, it } from "vitest";

import { PUBLIC_RATINGS, TAX_GRADES, gradesAtLeast } from "~/domain/credit-grades";

describe("grades at least", () => {
  it.each([
    ["A", ["A"]],
    ["B", ["A", "B"]],
    ["M", ["A", "B", "M"]],
    ["D", ["A", "B", "M", "C", "D"]],
    ["Z", []],
  ])("tax grade %s or better → %j", (minimum, expected) => {
    expect(gradesAtLeast(TAX_GRADES, minimum)).toEqual(expected);
  });

  it("public ratings have no M", () => {
    expect(gradesAtLeast(PUBLIC_RATINGS, "C")).toEqual(["A", "B", "C"]);
    expect(gradesAtLeast(PUBLIC_RATINGS, "M")).toEqual([]);
  });
});
