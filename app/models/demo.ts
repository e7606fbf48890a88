/** The seed's demo accounts (one per role), listed in the README and on the login page in demo mode. */
export const DEMO_PASSWORD = "Xinyidai@2026";
export const DEMO_USERNAMES = ["enterprise", "bank", "office", "bureau"] as const;
