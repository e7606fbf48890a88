/**
 * Amounts in 分 (bigint) for loans, repayments and the pool: parsed from 元 text with two
 * decimals, exactly, and printed as 元 with two decimals. Loaders send them to the browser as
 * decimal strings of 分 (JSON has no bigint), which `fenOf` reads back.
 */

/** Largest amount a repayment form accepts: 100 亿元. */
export const MAX_FEN = 1_000_000_000_000n;

const YUAN_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * "85309.9", "85,309.90" or full-width "８５３０９．９" (元) → 8530990n (分). Null for empty,
 * signed, exponent or malformed text, more than two decimals, or more than `max` (default 100亿元).
 */
export function parseYuanToFen(input: string, options: { max?: bigint } = {}): bigint | null {
  if (typeof input !== "string" || input.length > 32) return null;
  const text = input
    .normalize("NFKC")
    .trim()
    .replace(/^[¥￥]\s*/, "");
  const match = YUAN_TEXT.exec(text);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const fen = BigInt(whole.replaceAll(",", "") + fraction.padEnd(2, "0"));
  return fen > (options.max ?? MAX_FEN) ? null : fen;
}

/** A loader's string of 分 (or a bigint) as bigint. */
export function fenOf(value: string | bigint | number): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

/** 8530990n → "85309.90" (the plain number to put back into a 元 input). */
export function fenToYuanInput(value: string | bigint): string {
  const fen = fenOf(value);
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 8530990n → "¥85,309.90" in both languages (grouping is the same in zh-CN and en). */
export function formatFen(value: string | bigint): string {
  const fen = fenOf(value);
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  return `${sign}¥${group(String(abs / 100n))}.${String(abs % 100n).padStart(2, "0")}`;
}

/** 3000000000n 分 → "3,000 万元" / "¥30,000,000" — large sums (portfolio totals) as people say them. */
export function formatFenAsWan(value: string | bigint, locale: string): string {
  const fen = fenOf(value);
  if (!locale.toLowerCase().startsWith("zh")) {
    const yuan = (fen < 0n ? -fen : fen) / 100n;
    return `${fen < 0n ? "-" : ""}¥${group(String(yuan))}`;
  }
  // 万元 with up to two decimals, rounded half-up from 分 (1 万元 = 1,000,000 分)
  const sign = fen < 0n ? "-" : "";
  const abs = fen < 0n ? -fen : fen;
  const hundredths = (abs + 5_000n) / 10_000n;
  const whole = hundredths / 100n;
  const fraction = String(hundredths % 100n)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${sign}${group(String(whole))}${fraction ? `.${fraction}` : ""} 万元`;
}

/** Σ of strings or bigints of 分. */
export function sumFen(values: ReadonlyArray<string | bigint>): bigint {
  return values.reduce<bigint>((sum, v) => sum + fenOf(v), 0n);
}

/** part ÷ whole in basis points, half-up (0 when whole is 0): ratios of money without floats. */
export function ratioBp(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 20_000n + whole) / (2n * whole));
}
