/**
 * Money and rates without binary floating point. Amounts are stored as whole
 * 元 and typed by users in 万元 (up to 4 decimals, so 0.0001 万元 = 1 元);
 * rates are stored as basis points (4.35% = 435 bp). Parsing works on the
 * decimal digits of the input, so "1.005" is exactly 10050 元 and never
 * 10049.999….
 */

export const YUAN_PER_WAN = 10_000;

/** Largest amount a form accepts by default: 20 亿元 (200000 万元). */
export const MAX_AMOUNT_YUAN = 2_000_000_000;

/** Default ceiling for a typed rate: 36% (the upper bound courts protect). */
export const DEFAULT_MAX_RATE_BP = 3600;

/** Longer input is rejected before any parsing work. */
const MAX_INPUT_LENGTH = 64;

/** Digits with optional 3-digit comma groups, then an optional fraction. */
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parse a non-negative decimal string into an integer count of 10^-scale
 * units (exact, via BigInt). Full-width digits, comma and point (NFKC) and
 * surrounding whitespace are accepted; signs, exponents and "1,00" are not.
 */
function parseScaledDecimal(input: string, scale: number, options: { thousands: boolean }): bigint | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const text = input.normalize("NFKC").trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (!options.thousands && whole.includes(",")) return null;
  if (fraction.length > scale) return null;
  const digits = whole.replaceAll(",", "") + fraction.padEnd(scale, "0");
  return BigInt(digits);
}

/**
 * "35.5" (万元) → 355000 (元). Null for empty, negative, non-decimal or
 * exponent input, more than 4 decimals, or more than `max` 元
 * (default MAX_AMOUNT_YUAN, never above Number.MAX_SAFE_INTEGER).
 */
export function parseWanToYuan(input: string, options: { max?: number } = {}): number | null {
  const max = Math.min(options.max ?? MAX_AMOUNT_YUAN, Number.MAX_SAFE_INTEGER);
  const yuan = parseScaledDecimal(input, 4, { thousands: true });
  if (yuan === null || yuan > BigInt(max)) return null;
  return Number(yuan);
}

/**
 * "4.35" or "4.35%" → 435 bp. Null for anything that is not 0 ≤ x with at
 * most 2 decimals and at most `maxBp` (default 36%).
 */
export function parsePercentToBp(input: string, options: { maxBp?: number } = {}): number | null {
  const maxBp = options.maxBp ?? DEFAULT_MAX_RATE_BP;
  if (typeof input !== "string") return null;
  const text = input.normalize("NFKC").trim().replace(/\s*%$/, "");
  const bp = parseScaledDecimal(text, 2, { thousands: false });
  if (bp === null || bp > BigInt(maxBp)) return null;
  return Number(bp);
}

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

/** Exact decimal string of yuan / 10^digits, e.g. (355000, 4) → "35.5", (-10, 2) → "-0.10" when keepZeros. */
function shiftDecimal(value: number, digits: number, keepZeros: boolean): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  let fraction = String(abs % unit).padStart(digits, "0");
  if (!keepZeros) fraction = fraction.replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith("zh");
}

const wanNumber = {
  zh: new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }),
};

// narrowSymbol: "¥" in both languages rather than English "CN¥".
const yuanCurrency = {
  zh: new Intl.NumberFormat("zh-CN", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }),
  en: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }),
};

/** 1234567 → "¥1,234,567" (both languages). */
export function formatYuan(yuan: number, locale: string): string {
  assertWhole(yuan, "yuan");
  return yuanCurrency[isChinese(locale) ? "zh" : "en"].format(yuan);
}

/**
 * An amount as users think of it: zh "35.5 万元", "1,200 万元"; English has no
 * 万, so en shows whole yuan: "¥355,000".
 */
export function formatYuanAsWan(yuan: number, locale: string): string {
  assertWhole(yuan, "yuan");
  if (!isChinese(locale)) return formatYuan(yuan, locale);
  const wan = shiftDecimal(yuan, 4, false) as `${number}`;
  return `${wanNumber.zh.format(wan)} 万元`;
}

/** The plain number to put back into a 万元 input: 355000 → "35.5". */
export function yuanToWanInput(yuan: number): string {
  assertWhole(yuan, "yuan");
  return shiftDecimal(yuan, 4, false);
}

/** 435 → "4.35%", 300 → "3.00%", -10 → "-0.10%". */
export function formatBp(bp: number): string {
  assertWhole(bp, "bp");
  return `${shiftDecimal(bp, 2, true)}%`;
}

/** The plain number to put back into a % input: 435 → "4.35", 300 → "3". */
export function bpToPercentInput(bp: number): string {
  assertWhole(bp, "bp");
  return shiftDecimal(bp, 2, false);
}

/** Formats a plain number of 万元 with grouping; exported for tables and charts. */
export function formatWanNumber(yuan: number, locale: string): string {
  assertWhole(yuan, "yuan");
  const wan = shiftDecimal(yuan, 4, false) as `${number}`;
  return wanNumber[isChinese(locale) ? "zh" : "en"].format(wan);
}
