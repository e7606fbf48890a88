import { randomBytes } from "node:crypto";

import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  MOCKS: booleanString.optional(),
  CREDIT_PLATFORM_URL: z.string().url().optional(),
  CREDIT_PLATFORM_TOKEN: z.string().min(1).optional(),
  /** Express "trust proxy" setting when the portal runs behind a reverse proxy. */
  TRUST_PROXY: z.string().optional(),
  /** Seals stored secrets (webhook signing secrets); falls back to SESSION_SECRET. */
  SECRETS_KEY: z.string().min(32, "SECRETS_KEY must be at least 32 characters").optional(),
  /** Webhook URLs may be http and private addresses (local receivers); default: MOCKS. */
  WEBHOOK_ALLOW_PRIVATE: booleanString.optional(),
  /** Scheduled jobs in this server process (app/jobs); off in the test runner. */
  JOBS: z
    .enum(["on", "off", "true", "false", "1", "0"])
    .transform((value) => ["on", "true", "1"].includes(value))
    .optional(),
  /** "name=pattern;…": replaces the built-in timetable of the named jobs. */
  JOB_SCHEDULES: z.string().optional(),
});

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  PORT: number;
  DATABASE_URL?: string;
  SESSION_SECRET: string;
  MOCKS: boolean;
  CREDIT_PLATFORM_URL?: string;
  CREDIT_PLATFORM_TOKEN?: string;
  TRUST_PROXY?: string;
  SECRETS_KEY: string;
  WEBHOOK_ALLOW_PRIVATE: boolean;
  JOBS: boolean;
  JOB_SCHEDULES?: string;
};

export const MOCK_CREDIT_PLATFORM_URL = "http://credit-platform.mock";

/**
 * Outside production without SESSION_SECRET or SECRETS_KEY, secrets are sealed with this fixed
 * key, so that the seed (another process) and the server read each other's (demo data only).
 */
const DEVELOPMENT_SECRETS_KEY = "xinyidai-development-only-secrets-key-not-for-production";

/**
 * Reads and checks the environment. In production a missing SESSION_SECRET, or a real
 * platform without its URL or token, stops the portal at start-up; elsewhere a random
 * secret is generated for the process.
 */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const raw = result.data;
  const production = raw.NODE_ENV === "production";
  const mocks = raw.MOCKS ?? !production;
  if (production && !raw.SESSION_SECRET) {
    throw new Error("Invalid environment:\n  SESSION_SECRET is required in production");
  }
  if (!mocks && !raw.CREDIT_PLATFORM_URL) {
    throw new Error("Invalid environment:\n  CREDIT_PLATFORM_URL is required when MOCKS is off");
  }
  if (!mocks && !raw.CREDIT_PLATFORM_TOKEN) {
    throw new Error("Invalid environment:\n  CREDIT_PLATFORM_TOKEN is required when MOCKS is off");
  }
  return {
    ...raw,
    SESSION_SECRET: raw.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    MOCKS: mocks,
    JOBS: raw.JOBS ?? raw.NODE_ENV !== "test",
    CREDIT_PLATFORM_URL: raw.CREDIT_PLATFORM_URL ?? (mocks ? MOCK_CREDIT_PLATFORM_URL : undefined),
    CREDIT_PLATFORM_TOKEN: raw.CREDIT_PLATFORM_TOKEN ?? (mocks ? "dev-token" : undefined),
    SECRETS_KEY: raw.SECRETS_KEY ?? raw.SESSION_SECRET ?? DEVELOPMENT_SECRETS_KEY,
    WEBHOOK_ALLOW_PRIVATE: raw.WEBHOOK_ALLOW_PRIVATE ?? mocks,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  return (cached ??= parseEnv(process.env));
}
