/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (no I, O, S, V, Z); the 18th is a
 * check character computed from the first 17 with weights 3^(i-1) mod 31.
 */

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const PATTERN = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/**
 * Trim and upper-case user input; does not validate. NFKC first, because a
 * Chinese IME often types full-width characters (９１４４… or ＭＡ).
 */
export function normalizeUscc(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase();
}

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error("usccCheckCharacter needs 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`invalid USCC character ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check];
}

export type UsccProblem = "length" | "characters" | "check";

/** Why a (normalised) code is invalid, or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return "length";
  if (!PATTERN.test(code)) return "characters";
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : "check";
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** Positions 3–8: the administrative-area code of the registering authority. */
export function usccAreaCode(code: string): string {
  return code.slice(2, 8);
}
