import { describe, expect, it } from "vitest";

import { mayOpen } from "~/domain/role-areas";

describe("mayOpen", () => {
  it("keeps each role to its own area", () => {
    expect(mayOpen("ENTERPRISE", "/enterprise/credit")).toBe(true);
    expect(mayOpen("BANK", "/enterprise/credit")).toBe(false);
    expect(mayOpen("GOV_OFFICE", "/enterprise")).toBe(false);
    expect(mayOpen("BANK", "/bank/loans?class=LOSS")).toBe(true);
    expect(mayOpen("ENTERPRISE", "/bank")).toBe(false);
    expect(mayOpen("GOV_OFFICE", "/gov/visits")).toBe(true);
    expect(mayOpen("GOV_BUREAU", "/gov/visits")).toBe(true);
    expect(mayOpen("BANK", "/gov/indicators")).toBe(false);
  });

  it("gives the bureau's own pages to the bureau alone", () => {
    for (const path of [
      "/gov/admin",
      "/gov/admin/audit",
      "/gov/notices/new",
      "/gov/objections",
      "/gov/review",
    ]) {
      expect(mayOpen("GOV_BUREAU", path), path).toBe(true);
      expect(mayOpen("GOV_OFFICE", path), path).toBe(false);
    }
  });

  it("does not mistake a longer name for an area", () => {
    expect(mayOpen("ENTERPRISE", "/banks")).toBe(true);
    expect(mayOpen("GOV_OFFICE", "/gov/administration-guide")).toBe(true);
  });

  it("lets a visitor follow any link (a role's page asks them to sign in) and everyone the common pages", () => {
    expect(mayOpen(null, "/gov/admin")).toBe(true);
    for (const role of ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const) {
      expect(mayOpen(role, "/products")).toBe(true);
      expect(mayOpen(role, "/help/faq")).toBe(true);
      expect(mayOpen(role, "https://www.creditchina.gov.cn/")).toBe(true);
    }
  });
});
