import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { BankNav } from "~/components/bank-nav";
import { CheckboxGroup, PostForm, TextField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Card, PageHeader, SubmitButton } from "~/components/ui";
import { DeliveryStateTabs, DeliveryTable } from "~/components/webhook-deliveries";
import { redeliverFromForm } from "~/components/webhook-deliveries.server";
import { formatDateTime } from "~/domain/format-date";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { DELIVERY_STATES, WEBHOOK_EVENT_TYPES } from "~/domain/webhook-events";
import { useLocale, useT } from "~/i18n/use-t";
import { listDeliveries } from "~/models/webhook-delivery.server";
import { getWebhookEndpoint, setWebhookEndpoint } from "~/models/webhook-endpoint.server";
import { requireBankUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError } from "~/utils/form-action.server";
import { json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { endpointSchema } from "./schema.server";

/** The bank's webhook endpoint (URL, events, a new secret shown once) and its delivery log. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const state = parseChoice(DELIVERY_STATES, params.get("state")) ?? null;
  const page = parsePage(params.get("page"));
  const [endpoint, deliveries] = await Promise.all([
    getWebhookEndpoint(actor),
    listDeliveries(actor, { state, bankId: null, page }),
  ]);
  return { endpoint, deliveries, state, page };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const form = await readForm(request);
  return dispatchIntent(form, {
    endpoint: async () => {
      const submission = parseSubmission(form, endpointSchema());
      if (!submission.ok) return submission.reply;
      const result = await setWebhookEndpoint(actor, submission.data, { ip: actor.ip });
      if (!result.ok)
        return replyFieldError(
          "url",
          { key: `api.webhookUrl.${result.problem}` },
          { values: submission.values },
        );
      // the secret is in this response body only: never cached, never in a redirect or a flash
      return json(
        { errors: {}, values: {}, intent: "endpoint", shown: result.endpoint.secret },
        { headers: { "Cache-Control": "no-store" } },
      );
    },
    redeliver: () => redeliverFromForm(actor, form, "/bank/webhooks"),
  });
}

type ActionResult = SerializeFrom<typeof action> & { shown?: string };

export default function BankWebhooks() {
  const { endpoint, deliveries, state, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const shown = result && "shown" in result ? result.shown : undefined;
  return (
    <div>
      <BankNav />
      <PageHeader title={t("webhooks.title")} description={t("webhooks.intro")} />
      <div className="flex flex-col gap-6">
        <Card title={t("webhooks.endpoint.title")}>
          {shown && (
            <div role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200">
              <p>{t("webhooks.endpoint.shownOnce")}</p>
              <p className="mt-1">
                <span className="font-medium">{t("webhooks.endpoint.secret")}：</span>
                <code className="break-all">{shown}</code>
              </p>
            </div>
          )}
          {endpoint ? (
            <div className="mb-4 text-sm text-slate-700">
              <p className="break-all">{t("webhooks.endpoint.current", { url: endpoint.url })}</p>
              <p>{t("webhooks.endpoint.secretHint", { hint: endpoint.secretHint })}</p>
              <p className="text-slate-500">
                {t("webhooks.endpoint.updated", { at: formatDateTime(endpoint.updatedAt, locale) })}
              </p>
            </div>
          ) : (
            <p className="mb-4 text-sm text-slate-600">{t("webhooks.endpoint.none")}</p>
          )}
          <PostForm
            result={shown ? null : result}
            intent="endpoint"
            defaults={{ url: endpoint?.url ?? "", events: endpoint?.events ?? [...WEBHOOK_EVENT_TYPES] }}
            className="flex flex-col gap-4"
          >
            <TextField
              name="url"
              label={t("webhooks.endpoint.url")}
              hint={t("webhooks.endpoint.urlHint")}
              type="url"
              maxLength={2048}
              placeholder="https://"
            />
            <CheckboxGroup
              name="events"
              label={t("webhooks.endpoint.events")}
              hint={t("webhooks.endpoint.eventsHint")}
              options={optionsOf(WEBHOOK_EVENT_TYPES, (type) => (
                <span className="font-mono text-xs">{type}</span>
              ))}
            />
            <div className="flex flex-wrap items-center gap-4">
              <SubmitButton name="intent" value="endpoint" pendingLabel={t("webhooks.endpoint.saving")}>
                {t("webhooks.endpoint.save")}
              </SubmitButton>
              <a href="/api/docs" className="text-sm text-brand-700 underline">
                {t("webhooks.endpoint.docs")}
              </a>
            </div>
          </PostForm>
        </Card>
        <section aria-labelledby="deliveries-title">
          <h2 id="deliveries-title" className="mb-3 text-lg font-semibold">
            {t("webhooks.deliveries.title")}
          </h2>
          <DeliveryStateTabs current={state} counts={deliveries.counts} base="/bank/webhooks" />
          <DeliveryTable
            rows={deliveries.items}
            total={deliveries.total}
            page={page}
            pageSize={PAGE_SIZE}
            showBank={false}
            filtered={state !== null}
            result={result}
          />
        </section>
      </div>
    </div>
  );
}
