/** Strings of the bank journey (owned by that journey). */
export const bank = {
  placeholder: "—",
} as const;
