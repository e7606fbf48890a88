import { describe, expect, it } from "vitest";

import { characterClasses, passwordProblem } from "~/domain/password-policy";

describe("password policy", () => {
  it.each([
    ["Abc@123", "tooShort"],
    ["Abcd@123", null],
    ["abcdefgh", "classes"],
    ["abcd1234", "classes"],
    ["abcd123!", null],
    ["ABCD123!", null],
    ["Abcdefgh", "classes"],
    ["Zhangsan@1", "containsUsername"],
    ["P@ssw0rd", "common"],
    ["Xinyidai@2026", null],
    ["a".repeat(126) + "B1!", "tooLong"],
    ["Abcd@123\u0000", "characters"],
    ["Abcd@123\u202e", "characters"],
    ["Abcd@123\t", null],
  ])("%s → %s", (password, problem) => {
    expect(passwordProblem(password, "zhangsan")).toBe(problem);
  });

  it("ignores very short account names when checking containment", () => {
    expect(passwordProblem("Ab@12345", "ab")).toBeNull();
  });

  it("counts character classes", () => {
    expect(characterClasses("abc")).toBe(1);
    expect(characterClasses("aB1")).toBe(3);
    expect(characterClasses("aB1!")).toBe(4);
    expect(characterClasses("中文Ab1")).toBe(4);
  });
});
