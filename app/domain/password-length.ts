/**
 * The password lengths alone, for the browser (the form kit's password field): the policy module
 * (password-policy.ts) carries its list of common passwords, which no page needs to download.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
