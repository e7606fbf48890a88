import { describe, it, expect } from "vitest";
import {
  USCC_ALPHABET,
  isValidUscc,
  normalizeUscc,
  usccAreaCode,
  usccCheckCharacter,
  usccProblem,
} from "~/domain/uscc";

// Real codes of listed companies (DOMAIN.md).
const REAL_CODES = [
  "914403001922038216",
  "91440300708461136T",
  "91330100799655058B",
  "91110108551385082Q",
  "91110000600037341L",
];

describe("usccCheckCharacter", () => {
  it.each(REAL_CODES)("computes the published check character of %s", (code) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps 31 − 0 = 31 to '0'", () => {
    // Weighted sum 1674 = 54 × 31, so Σ mod 31 = 0 and 31 − 0 = 31 becomes 0.
    expect(usccCheckCharacter("91410105MA40T3P06")).toBe("0");
    // The all-zero body is the trivial case of the same rule.
    expect(usccCheckCharacter("00000000000000000")).toBe("0");
  });

  it("maps 31 − 1 = 30 to 'Y', the last character of the alphabet", () => {
    // Weighted sum 1954 = 63 × 31 + 1.
    expect(usccCheckCharacter("91410105MA40T3P0G")).toBe("Y");
  });

  it("rejects a body of the wrong length or with characters outside the alphabet", () => {
    expect(() => usccCheckCharacter("9144030019220382")).toThrow();
    expect(() => usccCheckCharacter("914403001922038216")).toThrow();
    expect(() => usccCheckCharacter("9144030019220382I")).toThrow();
  });
});

describe("isValidUscc / usccProblem", () => {
  it.each(REAL_CODES)("accepts the real code %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccProblem(code)).toBeNull();
  });

  it("accepts codes whose first character is a letter (N 农业, Y 其他)", () => {
    const n = "N2410100MA4400000";
    const y = "Y1410100MA4400000";
    // Hand-checked sums: N… = 979 (mod 31 = 18 → 13 = 'D'); Y… = 984 (mod 31 = 23 → 8).
    expect(n + usccCheckCharacter(n)).toBe("N2410100MA4400000D");
    expect(y + usccCheckCharacter(y)).toBe("Y1410100MA44000008");
    expect(isValidUscc("N2410100MA4400000D")).toBe(true);
    expect(isValidUscc("Y1410100MA44000008")).toBe(true);
  });

  it("accepts codes whose check character is '0' or 'Y'", () => {
    expect(isValidUscc("91410105MA40T3P060")).toBe(true);
    expect(isValidUscc("91410105MA40T3P0GY")).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(usccProblem("914403001922038217")).toBe("check");
    expect(usccProblem("91440300708461136U")).toBe("check");
    // '0' instead of 'Y' and vice versa: the two ends of the mapping.
    expect(usccProblem("91410105MA40T3P06Y")).toBe("check");
    expect(usccProblem("91410105MA40T3P0G0")).toBe("check");
  });

  it("rejects a single changed or swapped body character", () => {
    expect(isValidUscc("914403001922038226")).toBe(false);
    expect(isValidUscc("194403001922038216")).toBe(false);
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects the excluded letter %s", (letter) => {
    expect(USCC_ALPHABET).not.toContain(letter);
    const code = `91440300708461136${letter}`;
    expect(usccProblem(code)).toBe("characters");
    const inBody = `9144030070846113${letter}T`;
    expect(usccProblem(inBody)).toBe("characters");
  });

  it("rejects other characters: lower case (not normalised), punctuation, spaces", () => {
    expect(usccProblem("91440300708461136t")).toBe("characters");
    expect(usccProblem("91440300-08461136T")).toBe("characters");
    expect(usccProblem("9144030 708461136T")).toBe("characters");
  });

  it("rejects a wrong length", () => {
    expect(usccProblem("")).toBe("length");
    expect(usccProblem("91440300708461136")).toBe("length");
    expect(usccProblem("91440300708461136TT")).toBe("length");
    expect(usccProblem("x".repeat(10_000))).toBe("length");
  });

  it("the alphabet has 31 characters with values 0–30", () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(new Set(USCC_ALPHABET).size).toBe(31);
  });
});

describe("normalizeUscc", () => {
  it("upper-cases lower-case input so it validates", () => {
    expect(normalizeUscc("91440300708461136t")).toBe("91440300708461136T");
    expect(isValidUscc(normalizeUscc("91330100799655058b"))).toBe(true);
    expect(isValidUscc(normalizeUscc("n2410100ma4400000d"))).toBe(true);
  });

  it("trims surrounding whitespace, including tabs and newlines", () => {
    expect(normalizeUscc("  91110108551385082Q \n")).toBe("91110108551385082Q");
    expect(normalizeUscc("\t91110000600037341L")).toBe("91110000600037341L");
  });

  it("converts full-width characters typed with a Chinese IME", () => {
    expect(normalizeUscc("９１４４０３００７０８４６１１３６Ｔ")).toBe("91440300708461136T");
    expect(normalizeUscc("　91440300708461136ｔ　")).toBe("91440300708461136T");
  });

  it("does not remove inner whitespace (that stays invalid)", () => {
    expect(isValidUscc(normalizeUscc("9144 0300708461136T"))).toBe(false);
  });
});

describe("usccAreaCode", () => {
  it("returns positions 3–8", () => {
    expect(usccAreaCode("91440300708461136T")).toBe("440300");
    expect(usccAreaCode("91410105MA40T3P060")).toBe("410105");
  });
});
