import { alertDueAt, listFirmsToRefresh, refreshFirmCredit } from "~/models/credit-profile.server";
import { getSettings } from "~/models/settings.server";
import { creditPlatformFromEnv, type CreditPlatformClient } from "~/services/credit-platform.server";
import { createThrottle } from "~/utils/throttle";

import type { JobContext, JobDefinition } from "./types";

/** Firms read per query; the cursor is saved after every firm. */
const PAGE = 200;
/** A pass cut off longer ago than this is not resumed: the next run starts a fresh pass. */
const STALE_PASS_MS = 20 * 3_600_000;

type PassState = { passStartedAt: string; afterId: string | null };

export type CreditRefreshOptions = {
  client?: CreditPlatformClient;
  /** for tests: the throttle's sleep and clock */
  sleep?: (ms: number) => Promise<void>;
  throttleClock?: () => number;
  /** for tests: runs between a firm's commit and the saving of the cursor (a crash there) */
  afterFirm?: (firm: { id: string; uscc: string }) => void | Promise<void>;
};

/**
 * The nightly credit refresh (SPEC "Early warning"): every firm with an outstanding loan or a live
 * authorisation, in id order, at most `credit.nightlyRequestsPerSecond` requests a second to the
 * platform (two per firm: registry and credit). The cursor is saved after each firm, so a run cut
 * off resumes where it stopped; a firm refreshed since the pass began (the firm's own button, or
 * the run before a crash) is skipped. One firm's failure is counted and the pass goes on.
 */
export async function runCreditRefresh(ctx: JobContext, options: CreditRefreshOptions = {}) {
  const client = options.client ?? creditPlatformFromEnv();
  const settings = await getSettings();
  const throttle = createThrottle(settings["credit.nightlyRequestsPerSecond"], {
    sleep: options.sleep,
    now: options.throttleClock,
  });
  const saved = await ctx.loadState<PassState>();
  const fresh = !saved || ctx.now().getTime() - Date.parse(saved.passStartedAt) > STALE_PASS_MS;
  let state: PassState = fresh ? { passStartedAt: ctx.now().toISOString(), afterId: null } : saved;
  if (fresh) await ctx.saveState(state);
  else ctx.count("resumed");
  const passStartedAt = new Date(state.passStartedAt);

  for (;;) {
    ctx.checkpoint();
    const now = ctx.now();
    const firms = await listFirmsToRefresh({ afterId: state.afterId, take: PAGE, now });
    if (!firms.length) break;
    const dueAt = await alertDueAt(now);
    for (const firm of firms) {
      ctx.checkpoint();
      if (firm.creditRefreshedAt && firm.creditRefreshedAt >= passStartedAt) {
        ctx.count("skipped");
      } else {
        try {
          const result = await refreshFirmCredit(firm, {
            client,
            now: ctx.now(),
            alertDueAt: dueAt,
            throttle,
          });
          ctx.done();
          if (result.changes) ctx.count("changes", result.changes);
          if (result.alerts) ctx.count("alerts", result.alerts);
        } catch (error) {
          ctx.failed(error, firm.uscc);
        }
      }
      await options.afterFirm?.(firm);
      state = { ...state, afterId: firm.id };
      await ctx.saveState(state);
    }
  }
  // the pass is complete: the next run starts a new one
  await ctx.saveState(null);
}

export const creditRefresh: JobDefinition = {
  name: "credit-refresh",
  // 01:30 Beijing time, when nobody is at work and the platform is quiet
  schedule: "0 30 1 * * *",
  leaseSeconds: 120,
  run: (ctx) => runCreditRefresh(ctx),
};
