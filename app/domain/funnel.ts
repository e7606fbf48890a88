/**
 * The invitation funnel (企业引导): of the firms an office invited, how many registered, then
 * authorised a bank, applied, and had a loan disbursed — and how many days each step took.
 * Pure: the model reads the dates, this counts.
 */
import { percentile } from "./indicators";
import { calendarDaysBetween } from "./shanghai-time";

export const FUNNEL_STEPS = ["invited", "registered", "authorised", "applied", "disbursed"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** One invitation and the first time its firm reached each later step (null: not yet). */
export type FunnelFacts = {
  invitedAt: Date;
  registeredAt: Date | null;
  authorisedAt: Date | null;
  appliedAt: Date | null;
  disbursedAt: Date | null;
};

export type FunnelFigures = {
  /** invitations that reached each step */
  counts: Record<FunnelStep, number>;
  /**
   * Median calendar days (Shanghai days, nearest rank) from the previous step to this one, over
   * the invitations that reached it; null for the first step and when none reached it.
   */
  medianDays: Record<FunnelStep, number | null>;
};

const AT: Record<FunnelStep, keyof FunnelFacts> = {
  invited: "invitedAt",
  registered: "registeredAt",
  authorised: "authorisedAt",
  applied: "appliedAt",
  disbursed: "disbursedAt",
};

/**
 * The furthest step an invitation reached. Steps count in order only: a firm that applied
 * (which authorises the bank) but whose registration was not through this invitation is not
 * counted past "invited".
 */
export function stepOf(facts: FunnelFacts): FunnelStep {
  let reached: FunnelStep = "invited";
  for (const step of FUNNEL_STEPS.slice(1)) {
    if (facts[AT[step]] === null) break;
    reached = step;
  }
  return reached;
}

/** The figures of a set of invitations. */
export function funnelOf(rows: readonly FunnelFacts[]): FunnelFigures {
  const counts = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, 0])) as Record<FunnelStep, number>;
  const gaps = Object.fromEntries(FUNNEL_STEPS.map((step) => [step, new Map<number, number>()])) as Record<
    FunnelStep,
    Map<number, number>
  >;
  for (const row of rows) {
    const reached = FUNNEL_STEPS.indexOf(stepOf(row));
    for (let i = 0; i <= reached; i++) {
      const step = FUNNEL_STEPS[i];
      counts[step] += 1;
      if (i === 0) continue;
      const from = row[AT[FUNNEL_STEPS[i - 1]]] as Date;
      const to = row[AT[step]] as Date;
      // a step dated before the previous one (an authorisation kept from before the invitation) took 0 days
      const days = Math.max(0, calendarDaysBetween(from, to));
      gaps[step].set(days, (gaps[step].get(days) ?? 0) + 1);
    }
  }
  const medianDays = Object.fromEntries(
    FUNNEL_STEPS.map((step, i) => [
      step,
      i === 0
        ? null
        : percentile(
            [...gaps[step]].map(([value, count]) => ({ value, count })),
            0.5,
          ),
    ]),
  ) as Record<FunnelStep, number | null>;
  return { counts, medianDays };
}

/** Share of the invited that reached a step, in permille (rounded half up); null with no invitations. */
export function conversionPermille(figures: FunnelFigures, step: FunnelStep): number | null {
  const invited = figures.counts.invited;
  if (invited === 0) return null;
  return Math.floor((figures.counts[step] * 1000 * 2 + invited) / (2 * invited));
}
