import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Badge, Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Status = SerializeFrom<typeof loader>;

/** Whether the firm is on the whitelist (until when), on the dishonesty list, or has a request open. */
export function StatusCard({
  enterprise,
  whitelisted,
  open,
}: {
  enterprise: Status["enterprise"];
  whitelisted: Status["whitelisted"];
  open: Status["open"];
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("enterprise.whitelist.status")}>
      <p data-testid="whitelist-status">
        {whitelisted ? (
          <Badge tone="green">
            {t("enterprise.whitelist.whitelisted", {
              date: formatDate(enterprise.whitelistedUntil!, locale),
            })}
          </Badge>
        ) : (
          <Badge>{t("enterprise.whitelist.notWhitelisted")}</Badge>
        )}
      </p>
      {enterprise.onDishonestyList && (
        <p className="mt-2 text-sm text-red-700">{t("enterprise.whitelist.dishonest")}</p>
      )}
      {open && (
        <p className="mt-2 text-sm text-slate-700">
          {t("enterprise.whitelist.openRequest", {
            status: td(`enterprise.whitelist.recommendationStatus.${open.status}`),
            date: formatDate(open.createdAt, locale),
          })}
        </p>
      )}
    </Card>
  );
}

/** The request for a recommendation to the firm's sub-district office, with an optional note. */
export function RequestCard({
  office,
  formError,
  errors,
  values,
}: {
  office: string;
  formError: string | null | undefined;
  errors: Record<string, { key: string }>;
  values: Record<string, string>;
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card title={t("enterprise.whitelist.requestTitle")}>
      {formError && (
        <p
          role="alert"
          className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          {td(formError)}
        </p>
      )}
      <p className="mb-3 text-sm text-slate-600">{t("enterprise.whitelist.requestHint", { office })}</p>
      <Form method="post" className="flex flex-col gap-3" noValidate>
        <Field
          id="note"
          label={t("enterprise.whitelist.note")}
          error={errors.note}
          hint={t("enterprise.whitelist.noteHint")}
        >
          <textarea
            {...fieldAria("note", errors.note, true)}
            name="note"
            rows={3}
            maxLength={500}
            defaultValue={values.note ?? ""}
            className={inputClass}
          />
        </Field>
        <div>
          <SubmitButton pendingLabel={t("enterprise.whitelist.submitting")}>
            {t("enterprise.whitelist.request")}
          </SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

/** The firm's recommendations so far: status, day and the notes of both sides. */
export function RecommendationsCard({ recommendations }: { recommendations: Status["recommendations"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("enterprise.whitelist.recommendations")}>
      {recommendations.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.whitelist.noRecommendations")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {recommendations.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 py-2">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">
                  {td(`enterprise.whitelist.recommendationStatus.${r.status}`)}
                </span>
                <span className="text-slate-500">{formatDate(r.createdAt, locale)}</span>
              </div>
              {r.requestNote && <p className="text-slate-600">{r.requestNote}</p>}
              {r.reviewNote && <p className="text-slate-700">{r.reviewNote}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The whitelist batches the firm was in, with its entry's status. */
export function EntriesCard({ entries }: { entries: Status["entries"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("enterprise.whitelist.entries")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.whitelist.noEntries")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {t("enterprise.whitelist.batch", {
                    name: e.batch.name,
                    from: formatDate(e.batch.validFrom, locale),
                    until: formatDate(e.batch.validUntil, locale),
                  })}
                </span>
                <Badge tone={e.status === "ACTIVE" ? "green" : "red"}>
                  {td(`enterprise.whitelist.entryStatus.${e.status}`)}
                </Badge>
              </div>
              {e.statusReason && <p className="text-slate-600">{e.statusReason}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
