import { describe, expect, it } from "vitest";

import { parseEnv } from "~/env.server";

describe("environment", () => {
  it("refuses to start in production without SESSION_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production", MOCKS: "true" })).toThrow(/SESSION_SECRET is required/);
  });

  it("refuses a short SESSION_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("generates a secret outside production", () => {
    const a = parseEnv({ NODE_ENV: "development" });
    const b = parseEnv({ NODE_ENV: "development" });
    expect(a.SESSION_SECRET).toHaveLength(64);
    expect(a.SESSION_SECRET).not.toBe(b.SESSION_SECRET);
  });

  it("turns mocks on by default outside production and off in production", () => {
    expect(parseEnv({ NODE_ENV: "development" }).MOCKS).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) })).toThrow(
      /CREDIT_PLATFORM_URL is required/,
    );
  });

  it("needs the real platform's URL and token when mocks are off", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      CREDIT_PLATFORM_URL: "https://credit.example.gov.cn",
      CREDIT_PLATFORM_TOKEN: "t",
    });
    expect(env.MOCKS).toBe(false);
    expect(env.CREDIT_PLATFORM_URL).toBe("https://credit.example.gov.cn");
  });

  it("points at the mock platform when mocks are on", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), MOCKS: "true" });
    expect(env.CREDIT_PLATFORM_URL).toBe("http://credit-platform.mock");
    expect(env.CREDIT_PLATFORM_TOKEN).toBe("dev-token");
  });

  it("rejects a port out of range", () => {
    expect(() => parseEnv({ NODE_ENV: "development", PORT: "70000" })).toThrow(/PORT/);
  });

  it("seals secrets with SECRETS_KEY, else SESSION_SECRET, else (outside production) a fixed key", () => {
    const session = "s".repeat(32);
    expect(
      parseEnv({ NODE_ENV: "development", SESSION_SECRET: session, SECRETS_KEY: "k".repeat(32) }).SECRETS_KEY,
    ).toBe("k".repeat(32));
    expect(parseEnv({ NODE_ENV: "development", SESSION_SECRET: session }).SECRETS_KEY).toBe(session);
    // two processes (the seed and the server) without either agree on the key
    expect(parseEnv({ NODE_ENV: "development" }).SECRETS_KEY).toBe(
      parseEnv({ NODE_ENV: "development" }).SECRETS_KEY,
    );
    expect(() => parseEnv({ NODE_ENV: "development", SECRETS_KEY: "short" })).toThrow(/SECRETS_KEY/);
  });

  it("allows private webhook addresses only while mocks are on, unless told", () => {
    expect(parseEnv({ NODE_ENV: "development" }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE: "false" }).WEBHOOK_ALLOW_PRIVATE).toBe(
      false,
    );
    const real = {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      CREDIT_PLATFORM_URL: "https://credit.example.gov.cn",
      CREDIT_PLATFORM_TOKEN: "t",
    } as const;
    expect(parseEnv(real).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(parseEnv({ ...real, WEBHOOK_ALLOW_PRIVATE: "true" }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
  });

  it("runs scheduled jobs by default, except in the test runner or with JOBS=off", () => {
    expect(parseEnv({ NODE_ENV: "development" }).JOBS).toBe(true);
    expect(parseEnv({ NODE_ENV: "test" }).JOBS).toBe(false);
    expect(parseEnv({ NODE_ENV: "development", JOBS: "off" }).JOBS).toBe(false);
    expect(parseEnv({ NODE_ENV: "test", JOBS: "on" }).JOBS).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "development", JOBS: "maybe" })).toThrow(/JOBS/);
  });
});
