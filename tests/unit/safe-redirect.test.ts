import { describe, expect, it } from "vitest";

import { safeRedirectPath } from "~/utils/http.server";

import {
  FALLBACK,
  REDIRECT_BYPASSES,
  REDIRECT_KEEPS,
  offSiteProblem,
} from "../integration/support/redirect-targets";

const HOME = "/home-of-the-role";

describe("safeRedirectPath", () => {
  it.each(REDIRECT_BYPASSES)("$label: refused, or kept as a path of this site", ({ target, expected }) => {
    const result = safeRedirectPath(target, HOME);
    expect(result).toBe(expected === FALLBACK ? HOME : expected);
    expect(offSiteProblem(result)).toBeNull();
  });

  it.each(REDIRECT_KEEPS)("$label: kept", ({ target, expected }) => {
    expect(safeRedirectPath(target, HOME)).toBe(expected);
  });

  it("falls back for what is not a string (a file, nothing) and defaults to the home page", () => {
    expect(safeRedirectPath(null, HOME)).toBe(HOME);
    expect(safeRedirectPath(undefined, HOME)).toBe(HOME);
    expect(safeRedirectPath(new File(["/bank"], "x.txt"), HOME)).toBe(HOME);
    expect(safeRedirectPath("//evil.example")).toBe("/");
  });

  it("keeps a target of exactly 2048 characters and refuses one of 2049", () => {
    const longest = `/${"a".repeat(2047)}`;
    expect(safeRedirectPath(longest, HOME)).toBe(longest);
    expect(safeRedirectPath(`${longest}a`, HOME)).toBe(HOME);
  });
});

describe("offSiteProblem (the tests' browser-like check)", () => {
  it("sees what the old check let through", () => {
    expect(offSiteProblem("/\t/evil.example/")).toMatch(/control character/);
    expect(offSiteProblem("//evil.example")).toMatch(/not a path/);
    expect(offSiteProblem("/bank")).toBeNull();
  });
});
