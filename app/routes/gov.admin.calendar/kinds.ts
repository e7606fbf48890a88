/** A day the bureau marks as a holiday, or a weekend day made a working day. */
export const KINDS = ["HOLIDAY", "WORKDAY"] as const;
