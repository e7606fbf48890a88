import type { Catalog } from "../zh-CN";

export const account: Catalog["account"] = {
  nav: "Change password",
  title: "Change password",
  intro: "After the change, your sign-ins on other devices end; this device stays signed in.",
  current: "Current password",
  next: "New password",
  confirm: "New password again",
  hint: "At least 8 characters with at least 3 of: upper-case letters, lower-case letters, digits, symbols; not containing your username; not a common password.",
  submit: "Change password",
  submitting: "Saving…",
  changed: "Password changed; your sign-ins on other devices have ended",
  sessions: "Signed-in devices",
  sessionsIntro: "Your account has {count} live sign-ins (this device included).",
  revokeOthers: "Sign out all other devices",
  revoked: "Ended {count} sign-ins on other devices",
  errors: {
    current: "The current password is not correct",
    tooManyAttempts: "Too many wrong current passwords; try again in 15 minutes",
    confirm: "The two new passwords differ",
    same: "The new password must differ from the current one",
    tooShort: "At least 8 characters",
    tooLong: "At most 128 characters",
    classes: "Use at least 3 of: upper-case letters, lower-case letters, digits, symbols",
    containsUsername: "The password must not contain your username",
    common: "This is a common password; choose another",
  },
};
