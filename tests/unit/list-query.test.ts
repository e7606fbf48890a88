import { describe, expect, it } from "vitest";

import {
  PAGE_SIZE,
  pageWindow,
  parseChoice,
  parseId,
  parseListQuery,
  parsePage,
  parseSearch,
  parseSort,
} from "~/domain/list-query";

const SORTS = ["name", "createdAt"] as const;

describe("list query", () => {
  it("reads a page number and falls back to 1 for anything else", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("10000")).toBe(10_000);
    for (const bad of [null, "", "0", "-1", "1.5", "1e3", "+2", "abc", "10001", "999999"])
      expect(parsePage(bad)).toBe(1);
  });

  it("accepts only the choices of the list", () => {
    expect(parseChoice(["MICRO", "SMALL"], "SMALL")).toBe("SMALL");
    expect(parseChoice(["MICRO", "SMALL"], "small")).toBeUndefined();
    expect(parseChoice(["MICRO", "SMALL"], null)).toBeUndefined();
  });

  it("accepts id-shaped values only", () => {
    expect(parseId("clx0abc123def456")).toBe("clx0abc123def456");
    expect(parseId("a'; drop")).toBeUndefined();
    expect(parseId("x".repeat(41))).toBeUndefined();
    expect(parseId(undefined)).toBeUndefined();
  });

  it("trims and caps the search text; blank is no search", () => {
    expect(parseSearch("  郑州 ")).toBe("郑州");
    expect(parseSearch("   ")).toBeUndefined();
    expect(parseSearch("a".repeat(60))).toBe("a".repeat(50));
  });

  it("reads a known sort key, ascending unless desc, else the default", () => {
    const fallback = { key: "name" as const, dir: "asc" as const };
    expect(parseSort(new URLSearchParams("sort=createdAt&dir=desc"), SORTS, fallback)).toEqual({
      key: "createdAt",
      dir: "desc",
    });
    expect(parseSort(new URLSearchParams("sort=createdAt&dir=sideways"), SORTS, fallback)).toEqual({
      key: "createdAt",
      dir: "asc",
    });
    expect(parseSort(new URLSearchParams("sort=password"), SORTS, fallback)).toEqual(fallback);
    expect(parseListQuery(new URLSearchParams("page=2&sort=name&dir=desc"), SORTS, fallback)).toEqual({
      page: 2,
      sort: { key: "name", dir: "desc" },
    });
  });

  it("turns a page into the rows to skip and take", () => {
    expect(pageWindow(1)).toEqual({ skip: 0, take: PAGE_SIZE });
    expect(pageWindow(3, 10)).toEqual({ skip: 20, take: 10 });
  });
});
