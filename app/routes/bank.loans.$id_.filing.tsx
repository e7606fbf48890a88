/**
 * 备案: the bank files one of its loans with the risk pool (POST only). Answers with a redirect
 * back to the page the button was on and a flash: filed, or every reason the filing is refused.
 * Another bank's loan, or no loan: 404.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/translate";
import { fileLoan } from "~/models/pool-filing.server";
import { isOwnLoan } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";
import { parseSubmission } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

function filingSchema() {
  return z.object({
    intent: z.literal("file", { errorMap: () => ({ message: "common.validation.invalidChoice" }) }),
    /** which page the button was on: the loan page (default) or the claim page */
    back: z.enum(["loan", "claim"]).optional(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const loanId = params.id ?? "";
  if (!(await isOwnLoan(actor, loanId))) notFound();
  const form = await readForm(request);
  const submission = parseSubmission(form, filingSchema());
  if (!submission.ok) return submission.reply;
  const back =
    submission.data.back === "claim"
      ? `/bank/loans/${encodeURIComponent(loanId)}/claim`
      : `/bank/loans/${encodeURIComponent(loanId)}`;
  const result = await fileLoan(actor, loanId);
  if (result.ok) return redirectWithFlash(back, { kind: "success", key: "pool.bank.filedFlash" });
  if (result.error !== "REFUSED") {
    if (result.error === "NOT_FOUND") notFound();
    return redirectWithFlash(back, { kind: "error", key: "pool.errors.alreadyFiled" });
  }
  const locale = await getLocale(request);
  const reasons = result.reasons
    .map((reason) => translate(locale, `pool.refusal.${reason}`))
    .join(locale === "zh-CN" ? "；" : "; ");
  return redirectWithFlash(back, { kind: "error", key: "pool.bank.filingRefused", params: { reasons } });
}
