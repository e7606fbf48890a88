import type { Catalog } from "../zh-CN";

export const auth: Catalog["auth"] = {
  loginTitle: "Sign in",
  loginIntro: "Firms, banks and government staff sign in here and land in their own workspace.",
  username: "Username",
  password: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  noAccount: "No account yet?",
  registerLink: "Register your firm",
  invalidCredentials: "Wrong username or password",
  accountDisabled: "This account is disabled. Contact the Economic Development Bureau.",
  accountLocked: "Too many failed sign-ins. The account is locked until {until}.",
  tooManyAttempts: "Too many attempts. Please try again later.",
  sessionExpired: "Your session has expired. Please sign in again.",
  demoAccounts: "Demo accounts",
  demoPassword: "Demo password: {password}",
};
