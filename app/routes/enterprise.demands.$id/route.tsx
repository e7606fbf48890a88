import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { DemandForm } from "~/components/demand-form";
import { demandSchema, offerChoiceSchema } from "~/components/demand-form.server";
import { EnterpriseNav } from "~/components/enterprise-nav";
import { Card, PageHeader, buttonClass } from "~/components/ui";
import { bpToPercentInput, formatYuanAsWan, yuanToWanInput } from "~/domain/money";
import { endOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { acceptOffer, closeDemand, declineOffer, getOwnDemand, updateDemand } from "~/models/demand.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { dispatchIntent, parseSubmission, replyFormError } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { DemandCard, OffersCard } from "./sections";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const demand = await getOwnDemand(actor, params.id ?? "");
  if (!demand) notFound();
  return { demand, today: shanghaiDate(new Date()), now: new Date().toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const id = params.id ?? "";
  const demand = await getOwnDemand(actor, id);
  if (!demand) throw new Response("Forbidden", { status: 403 });
  const form = await readForm(request);
  const here = `/enterprise/demands/${id}`;
  const changed = () => replyFormError("enterprise.demands.errors.changed", { status: 409 });
  return dispatchIntent(form, {
    update,
    close: async () =>
      (await closeDemand(actor, id))
        ? redirectWithFlash(here, { kind: "success", key: "enterprise.demands.closed" })
        : changed(),
    acceptOffer: () => decide(true),
    declineOffer: () => decide(false),
  });

  async function update() {
    const submission = parseSubmission(form, demandSchema());
    if (!submission.ok) return submission.reply;
    const { amount, rateCeiling, validUntil, ...rest } = submission.data;
    const ok = await updateDemand(actor, id, {
      ...rest,
      amountYuan: amount,
      rateCeilingBp: rateCeiling,
      validUntil: endOfShanghaiDay(validUntil),
    });
    return ok ? redirectWithFlash(here, { kind: "success", key: "enterprise.demands.updated" }) : changed();
  }

  async function decide(accept: boolean) {
    const parsed = parseForm(offerChoiceSchema(), form);
    if (!parsed.ok) return replyFormError("common.errors.badRequestBody");
    const result = accept
      ? await acceptOffer(actor, id, parsed.data.offerId)
      : await declineOffer(actor, id, parsed.data.offerId);
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new Response("Forbidden", { status: 403 });
      if (result.error === "EXPIRED") return replyFormError("enterprise.demands.errors.expired");
      return changed();
    }
    if (accept && result.applicationId) {
      return redirectWithFlash(`/enterprise/applications/${result.applicationId}`, {
        kind: "success",
        key: "enterprise.demands.offer.accepted",
        params: { number: result.number ?? "" },
      });
    }
    return redirectWithFlash(here, { kind: "success", key: "enterprise.demands.offer.declined" });
  }
}

export default function DemandDetail() {
  const { demand, today, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const open = demand.status === "OPEN" && demand.validUntil > now;
  const stored = {
    amount: yuanToWanInput(demand.amountYuan),
    termMonths: String(demand.termMonths),
    purpose: demand.purpose,
    guaranteeTypes: demand.guaranteeTypes.split(",").filter(Boolean),
    rateCeiling: demand.rateCeilingBp === null ? "" : bpToPercentInput(demand.rateCeilingBp),
    validUntil: shanghaiDate(new Date(demand.validUntil)),
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`${formatYuanAsWan(demand.amountYuan, locale)} · ${t("enterprise.demands.termValue", { months: demand.termMonths })}`}
        description={demand.purpose}
        actions={
          <Link to="/enterprise/demands" className="text-sm text-brand-700 hover:underline">
            ← {t("enterprise.demands.title")}
          </Link>
        }
      />
      <EnterpriseNav />
      {actionData?.errors._form && (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          <span>{td(actionData.errors._form.key)}</span>
          <Link to="." reloadDocument className={buttonClass("secondary")}>
            {t("enterprise.applications.actions.reload")}
          </Link>
        </div>
      )}
      <DemandCard demand={demand} open={open} guaranteeTypes={stored.guaranteeTypes} />

      <OffersCard offers={demand.offers} open={open} />

      {demand.status === "OPEN" && (
        <Card title={t("enterprise.demands.editTitle")}>
          <DemandForm
            result={actionData}
            defaults={stored}
            alert={false}
            intent="update"
            submitLabel={t("enterprise.demands.save")}
            pendingLabel={t("enterprise.demands.saving")}
            today={today}
          />
        </Card>
      )}
    </div>
  );
}
