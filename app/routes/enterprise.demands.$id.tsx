import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { DemandForm } from "~/components/demand-form";
import { demandSchema, offerChoiceSchema } from "~/components/demand-form.server";
import { EnterpriseNav } from "~/components/enterprise-nav";
import { Badge, Card, PageHeader, SubmitButton, buttonClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { bpToPercentInput, formatBp, formatYuanAsWan, yuanToWanInput } from "~/domain/money";
import { endOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { acceptOffer, closeDemand, declineOffer, getOwnDemand, updateDemand } from "~/models/demand.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { dispatchIntent, parseSubmission, replyFormError } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

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
  const list = useFormatList();
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
      <Card
        title={t("enterprise.demands.title")}
        actions={
          <Badge tone={demand.status === "OPEN" ? "blue" : demand.status === "FULFILLED" ? "green" : "gray"}>
            {open || demand.status !== "OPEN"
              ? td(`enterprise.demands.status.${demand.status}`)
              : t("enterprise.demands.expired")}
          </Badge>
        }
      >
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("enterprise.demands.fields.guaranteeTypes")}</dt>
            <dd>{list(stored.guaranteeTypes.map((g) => td(`domain.guaranteeType.${g}`)))}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("enterprise.demands.fields.rateCeiling")}</dt>
            <dd>
              {demand.rateCeilingBp === null
                ? t("enterprise.demands.noCeiling")
                : t("enterprise.demands.rateCeilingValue", { rate: formatBp(demand.rateCeilingBp) })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("enterprise.demands.columns.validUntil")}</dt>
            <dd>{formatDate(demand.validUntil, locale)}</dd>
          </div>
        </dl>
        {demand.status === "OPEN" && (
          <Form method="post" className="mt-4">
            <SubmitButton
              name="intent"
              value="close"
              variant="secondary"
              pendingLabel={t("enterprise.demands.closing")}
            >
              {t("enterprise.demands.close")}
            </SubmitButton>
          </Form>
        )}
      </Card>

      <Card title={t("enterprise.demands.offers")}>
        {demand.offers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("enterprise.demands.noOffers")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {demand.offers.map((offer) => (
              <li key={offer.id} className="rounded-md p-4 ring-1 ring-slate-200" data-testid="offer">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div>
                    <p className="font-medium">{locale === "zh-CN" ? offer.bank.name : offer.bank.nameEn}</p>
                    <p className="text-sm text-slate-600">
                      <Link to={`/products/${offer.product.id}`} className="hover:underline">
                        {offer.product.name}
                      </Link>{" "}
                      · {td(`domain.guaranteeType.${offer.product.guaranteeType}`)}
                    </p>
                  </div>
                  <Badge
                    tone={
                      offer.status === "PENDING" ? "amber" : offer.status === "ACCEPTED" ? "green" : "gray"
                    }
                  >
                    {td(`enterprise.demands.offer.status.${offer.status}`)}
                  </Badge>
                </div>
                <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-500">{t("enterprise.demands.offer.amount")}</dt>
                    <dd className="tabular-nums">{formatYuanAsWan(offer.amountYuan, locale)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("enterprise.demands.offer.term")}</dt>
                    <dd>{t("enterprise.demands.termValue", { months: offer.termMonths })}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("enterprise.demands.offer.rate")}</dt>
                    <dd className="font-semibold text-brand-700">{formatBp(offer.rateBp)}</dd>
                  </div>
                </dl>
                {offer.note && <p className="mt-2 text-sm text-slate-700">{offer.note}</p>}
                <p className="mt-1 text-xs text-slate-500">{formatDateTime(offer.createdAt, locale)}</p>
                {offer.application && (
                  <Link
                    to={`/enterprise/applications/${offer.application.id}`}
                    className="mt-2 inline-block text-sm text-brand-700 hover:underline"
                  >
                    {t("enterprise.demands.offer.application", { number: offer.application.number })}
                  </Link>
                )}
                {offer.status === "PENDING" && open && (
                  <Form method="post" className="mt-3 flex flex-wrap items-center gap-2">
                    <input type="hidden" name="offerId" value={offer.id} />
                    <SubmitButton
                      name="intent"
                      value="acceptOffer"
                      pendingLabel={t("enterprise.demands.offer.accepting")}
                    >
                      {t("enterprise.demands.offer.accept")}
                    </SubmitButton>
                    <SubmitButton
                      name="intent"
                      value="declineOffer"
                      variant="secondary"
                      pendingLabel={t("enterprise.demands.offer.declining")}
                    >
                      {t("enterprise.demands.offer.decline")}
                    </SubmitButton>
                    <p className="w-full text-xs text-slate-500">{t("enterprise.demands.offer.consent")}</p>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

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
