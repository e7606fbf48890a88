/** Strings of the gov journey (owned by that journey). */
export const gov = {
  placeholder: "—",
} as const;
