import { describe, expect, it } from "vitest";

import { SESSION_COOKIE_NAMES as APP_NAMES } from "~/session.server";

import { carriesSessionCookie, SESSION_COOKIE_NAMES } from "../../server/http-guards.js";

describe("server/http-guards", () => {
  it("knows the session cookie by the names the app gives it", () => {
    expect([...SESSION_COOKIE_NAMES].sort()).toEqual(Object.values(APP_NAMES).sort());
  });

  it("finds the session cookie among others, and only by its exact name", () => {
    expect(carriesSessionCookie("xyd_flash=abc; xyd_session=s%3A1.sig; locale=en")).toBe(true);
    expect(carriesSessionCookie("__Host-xyd_session=abc")).toBe(true);
    expect(carriesSessionCookie("xyd_flash=abc; locale=en")).toBe(false);
    expect(carriesSessionCookie("not_xyd_session=1; xyd_sessions=2")).toBe(false);
    expect(carriesSessionCookie(undefined)).toBe(false);
    expect(carriesSessionCookie("")).toBe(false);
  });
});
