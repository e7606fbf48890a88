import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { translate } from "~/i18n/translate.server";
import type { Locale } from "~/i18n/locales";
import type { BureauActor } from "~/models/actor";
import { listPendingReview, nextBatchNumber } from "~/models/whitelist.server";

/** The recommendations awaiting the bureau and the approval form's defaults: the next batch's name, a year from today. */
export async function reviewPage(actor: BureauActor, locale: Locale) {
  const today = shanghaiDate(new Date());
  const [pending, next] = await Promise.all([listPendingReview(actor), nextBatchNumber()]);
  const batchName = translate(locale, "gov.review.batchNameDefault", next);
  return {
    pending,
    defaults: { batchName, validFrom: today, validUntil: addDays(addDays(today, 365), -1) },
  };
}
