import { describe, expect, it } from "vitest";

import { conversionPermille, funnelOf, stepOf, type FunnelFacts } from "~/domain/funnel";

/** 09:00 in Shanghai on the day. */
const at = (day: string) => new Date(`${day}T01:00:00Z`);

const invitation = (facts: Partial<FunnelFacts> & { invitedAt: Date }): FunnelFacts => ({
  registeredAt: null,
  authorisedAt: null,
  appliedAt: null,
  disbursedAt: null,
  ...facts,
});

describe("stepOf", () => {
  it("is the furthest step reached in order", () => {
    expect(stepOf(invitation({ invitedAt: at("2026-03-01") }))).toBe("invited");
    expect(
      stepOf(
        invitation({
          invitedAt: at("2026-03-01"),
          registeredAt: at("2026-03-02"),
          authorisedAt: at("2026-03-03"),
        }),
      ),
    ).toBe("authorised");
  });

  it("does not count a later step when an earlier one is missing", () => {
    expect(stepOf(invitation({ invitedAt: at("2026-03-01"), appliedAt: at("2026-03-05") }))).toBe("invited");
  });
});

describe("funnelOf", () => {
  // Five invitations:
  //   A invited 03-01, registered 03-03 (2 days), authorised 03-04 (1), applied 03-10 (6), disbursed 03-20 (10)
  //   B invited 03-01, registered 03-11 (10), authorised 03-11 (0), applied 03-12 (1)
  //   C invited 03-02, registered 03-06 (4), authorised 03-09 (3)
  //   D invited 03-02, registered 03-03 (1)
  //   E invited 03-05, nothing yet
  const rows = [
    invitation({
      invitedAt: at("2026-03-01"),
      registeredAt: at("2026-03-03"),
      authorisedAt: at("2026-03-04"),
      appliedAt: at("2026-03-10"),
      disbursedAt: at("2026-03-20"),
    }),
    invitation({
      invitedAt: at("2026-03-01"),
      registeredAt: at("2026-03-11"),
      authorisedAt: at("2026-03-11"),
      appliedAt: at("2026-03-12"),
    }),
    invitation({
      invitedAt: at("2026-03-02"),
      registeredAt: at("2026-03-06"),
      authorisedAt: at("2026-03-09"),
    }),
    invitation({ invitedAt: at("2026-03-02"), registeredAt: at("2026-03-03") }),
    invitation({ invitedAt: at("2026-03-05") }),
  ];

  it("counts the invitations that reached each step", () => {
    expect(funnelOf(rows).counts).toEqual({
      invited: 5,
      registered: 4,
      authorised: 3,
      applied: 2,
      disbursed: 1,
    });
  });

  it("takes the nearest-rank median of the days between consecutive steps", () => {
    // registered: 2, 10, 4, 1 → sorted 1 2 4 10, rank ⌈0.5×4⌉ = 2 → 2
    // authorised: 1, 0, 3 → 0 1 3, rank 2 → 1
    // applied: 6, 1 → 1 6, rank 1 → 1
    // disbursed: 10
    expect(funnelOf(rows).medianDays).toEqual({
      invited: null,
      registered: 2,
      authorised: 1,
      applied: 1,
      disbursed: 10,
    });
  });

  it("counts Shanghai calendar days: 23:30 to 00:30 the next morning is one day", () => {
    const figures = funnelOf([
      invitation({
        invitedAt: new Date("2026-03-01T15:30:00Z"), // 23:30 on 03-01 in Shanghai
        registeredAt: new Date("2026-03-01T16:30:00Z"), // 00:30 on 03-02
      }),
    ]);
    expect(figures.medianDays.registered).toBe(1);
  });

  it("has no medians and no conversion without invitations", () => {
    const figures = funnelOf([]);
    expect(figures.counts.invited).toBe(0);
    expect(figures.medianDays.registered).toBeNull();
    expect(conversionPermille(figures, "registered")).toBeNull();
  });

  it("gives conversion from the invited in permille, rounded half up", () => {
    const figures = funnelOf(rows);
    expect(conversionPermille(figures, "registered")).toBe(800);
    expect(conversionPermille(funnelOf(rows.slice(0, 3)), "disbursed")).toBe(333); // 1/3 = 333.3
    expect(conversionPermille(funnelOf(rows.slice(0, 3)), "authorised")).toBe(1000);
  });
});
