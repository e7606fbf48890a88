import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { CreditDetails, FirmBasicsCard } from "~/components/bank-credit-profile";
import { BankNav } from "~/components/bank-nav";
import {
  Card,
  EmptyState,
  Field,
  PageHeader,
  SubmitButton,
  buttonClass,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { ACCESS_PURPOSES } from "~/domain/bank-choices";
import { parseChoice } from "~/domain/list-query";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { getCandidateBasics, openEnterpriseProfile } from "~/models/access-log.server";
import { requireBankUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

/**
 * A firm's profile for a bank officer. Without a stated purpose, only the purpose form; with
 * one, the view is logged first and the profile shown after. A firm that did not authorise
 * this bank is a 404, the same as one that does not exist.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const enterpriseId = (params.enterpriseId ?? "").slice(0, 40);
  const purpose = parseChoice(ACCESS_PURPOSES, new URL(request.url).searchParams.get("purpose"));
  const headers = { "Cache-Control": "no-store" };
  if (!purpose) {
    const firm = await getCandidateBasics(actor, enterpriseId);
    if (!firm) throw notFound();
    return json({ stage: "purpose" as const, firm, view: null }, { headers });
  }
  let view;
  try {
    view = await openEnterpriseProfile({ actor, enterpriseId, purpose });
  } catch (error) {
    console.error("access log write failed", error);
    throw new Response("The view could not be recorded", { status: 503 });
  }
  if (!view) throw notFound();
  return json({ stage: "profile" as const, firm: null, view: { ...view, purpose } }, { headers });
}

export default function BankCandidateProfile() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  if (data.stage === "purpose") {
    return (
      <div>
        <BankNav />
        <PageHeader title={data.firm.name} description={t("bank.profile.purposeIntro")} />
        <Card title={t("bank.profile.purposeTitle")} className="max-w-xl">
          <Form method="get" className="flex flex-col gap-4">
            <Field id="purpose" label={t("bank.profile.purpose")}>
              <select
                {...fieldAria("purpose")}
                name="purpose"
                required
                defaultValue="PRE_LOAN"
                className={inputClass}
              >
                {ACCESS_PURPOSES.map((p) => (
                  <option key={p} value={p}>
                    {t(`domain.purpose.${p}`)}
                  </option>
                ))}
              </select>
            </Field>
            <div>
              <SubmitButton>{t("bank.profile.submit")}</SubmitButton>
            </div>
          </Form>
        </Card>
      </div>
    );
  }
  const { view } = data;
  return (
    <div>
      <BankNav />
      <PageHeader title={view.firm.name} />
      <p
        role="status"
        className="mb-4 rounded-md bg-brand-50 px-4 py-2 text-sm text-brand-900 ring-1 ring-brand-100"
        data-testid="access-logged"
      >
        {t("bank.profile.logged", {
          time: formatDateTime(view.log.at, locale),
          scope: t(`domain.scope.${view.scope}`),
          purpose: t(`domain.purpose.${view.purpose}`),
        })}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <FirmBasicsCard firm={view.firm} />
          <Card title={t("bank.profile.demands")}>
            {view.demands.length === 0 ? (
              <EmptyState title={t("bank.profile.noDemands")} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {view.demands.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      {t("bank.profile.demandLine", {
                        amount: formatYuanAsWan(d.amountYuan, locale),
                        term: d.termMonths,
                        purpose: d.purpose,
                      })}
                      <span className="block text-xs text-slate-500">
                        {t("bank.offers.columns.validUntil")} {formatDate(d.validUntil, locale)}
                      </span>
                    </span>
                    <Link to={`/bank/demands/${d.id}`} className={buttonClass("secondary")}>
                      {t("bank.profile.makeOffer")}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {view.full ? (
            <CreditDetails full={view.full} />
          ) : (
            <Card>
              <p className="text-slate-700">{t("bank.profile.basicOnlyNotice")}</p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
