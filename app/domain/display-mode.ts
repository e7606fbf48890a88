/**
 * Display modes: the standard one and 长辈/大字 (elder-friendly, GB/T 37668 and the 适老化
 * rules): body text ≥ 18 px, line height ≥ 1.5, stronger contrast (see app/tailwind.css).
 */
export const DISPLAY_MODES = ["standard", "elder"] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export function isDisplayMode(value: unknown): value is DisplayMode {
  return typeof value === "string" && (DISPLAY_MODES as readonly string[]).includes(value);
}
