/** How long the secret before a rotation stays valid, by the bureau's choice (hours). */
export const GRACE_HOURS = [1, 24, 72, 168] as const;
export type GraceHours = (typeof GRACE_HOURS)[number];
export const DEFAULT_GRACE_HOURS: GraceHours = 24;
