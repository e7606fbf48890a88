/** Strings of the enterprise journey (owned by that journey). */
export const enterprise = {
  placeholder: "—",
} as const;
