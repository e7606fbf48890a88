/**
 * Characters no form field legitimately holds: C0 and C1 controls other than tab, line feed
 * and carriage return, DEL, and the bidirectional overrides and isolates that make stored text
 * display differently from what it says (a name that reads "Acme" but sorts and matches as
 * something else).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}
