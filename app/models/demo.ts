/** The seed's demo accounts (one per role), listed in the README and on the login page in demo mode. */
export const DEMO_PASSWORD = "Xinyidai@2026";
export const DEMO_USERNAMES = ["enterprise", "bank", "office", "bureau"] as const;
/** The demo bank's (郑州银行, user `bank`) API client: demo data only, listed in the README. */
export const DEMO_API_KEY_ID = "demo-zzbank";
export const DEMO_API_SECRET = "xyd-demo-api-secret-2026";
