/**
 * Money on the wire of the bank API (SPEC): a string of 元 with exactly two decimals,
 * "1500000.00". Inside, amounts are integer 元 (applications, products) or 分 (loans); the
 * conversions here are exact (BigInt on the digits, no floating point).
 */

const YUAN_STRING = /^(0|[1-9]\d{0,15})\.(\d{2})$/;

/** "1500000.00" → 150000000n 分; null for anything not written that way (no sign, no exponent). */
export function parseYuanString(text: string): bigint | null {
  const match = YUAN_STRING.exec(text);
  if (!match) return null;
  return BigInt(match[1]) * 100n + BigInt(match[2]);
}

/** 分 → "12345.67". */
export function fenToYuanString(fen: bigint | number): string {
  const value = BigInt(fen);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** whole 元 → "1500000.00". */
export function yuanToYuanString(yuan: number): string {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`not a whole number of 元: ${yuan}`);
  return fenToYuanString(BigInt(yuan) * 100n);
}

/** The whole 元 of a 分 amount, or null when it has 角/分 (applications and products are in whole 元). */
export function wholeYuanOf(fen: bigint): number | null {
  if (fen % 100n !== 0n) return null;
  const yuan = fen / 100n;
  return yuan <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(yuan) : null;
}
