/** The firm's live authorisations (each revocable) and its past ones, a page at a time. */
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { ScrollRegion } from "~/components/list-kit";
import { Pagination } from "~/components/pagination";
import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { PAGE_SIZE } from "./constants";
import type { loader } from "./route";
import { useBankName, useOrigin } from "./use-labels";

type Data = SerializeFrom<typeof loader>;

const th = "px-3 py-2 text-left font-medium text-slate-600";
const td_ = "px-3 py-2 align-top";

export function ActiveAuthorizations({ active }: Pick<Data, "active">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = useBankName();
  const origin = useOrigin();
  return (
    <Card title={t("enterprise.authorizations.active")}>
      {active.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.authorizations.noActive")}</p>
      ) : (
        <ScrollRegion label={t("enterprise.authorizations.active")}>
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th className={th}>{t("enterprise.authorizations.columns.bank")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.scope")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.origin")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.grantedAt")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.expiresAt")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {active.map((a) => (
                <tr key={a.id} data-testid="active-authorization">
                  <td className={td_}>{bankName(a.bank)}</td>
                  <td className={td_}>
                    <Badge tone={a.scope === "FULL" ? "blue" : "gray"}>{td(`domain.scope.${a.scope}`)}</Badge>
                  </td>
                  <td className={td_}>{origin(a)}</td>
                  <td className={td_}>{formatDateTime(a.grantedAt, locale)}</td>
                  <td className={td_}>{formatDate(a.expiresAt, locale)}</td>
                  <td className={td_}>
                    <Form method="post">
                      <input type="hidden" name="id" value={a.id} />
                      <SubmitButton
                        name="intent"
                        value="revoke"
                        variant="secondary"
                        pendingLabel={t("enterprise.authorizations.revoking")}
                        aria-label={`${t("enterprise.authorizations.revoke")} ${bankName(a.bank)}`}
                      >
                        {t("enterprise.authorizations.revoke")}
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}

export function PastAuthorizations({
  past,
  pastTotal,
  page,
  now,
}: Pick<Data, "past" | "pastTotal" | "page" | "now">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = useBankName();
  const origin = useOrigin();
  return (
    <Card title={t("enterprise.authorizations.past")}>
      {past.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.authorizations.noPast")}</p>
      ) : (
        <ScrollRegion label={t("enterprise.authorizations.past")}>
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th className={th}>{t("enterprise.authorizations.columns.bank")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.scope")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.origin")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.grantedAt")}</th>
                <th className={th}>{t("enterprise.authorizations.columns.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {past.map((a) => (
                <tr key={a.id}>
                  <td className={td_}>{bankName(a.bank)}</td>
                  <td className={td_}>{td(`domain.scope.${a.scope}`)}</td>
                  <td className={td_}>{origin(a)}</td>
                  <td className={td_}>{formatDateTime(a.grantedAt, locale)}</td>
                  <td className={td_}>
                    {a.revokedAt && a.revokedAt < a.expiresAt && a.revokedAt <= now
                      ? t("enterprise.authorizations.status.revoked", {
                          date: formatDateTime(a.revokedAt, locale),
                        })
                      : t("enterprise.authorizations.status.expired")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={pastTotal} />
    </Card>
  );
}
