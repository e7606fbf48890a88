import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { InvitationStateBadge } from "~/components/invitation-state";
import { Pagination } from "~/components/pagination";
import { Card, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The invitations sent, newest first; the bureau sees which office sent each. */
export function InvitationsList({
  role,
  invitations,
  page,
  total,
}: Pick<Data, "role" | "invitations" | "page" | "total">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("outreach.invitations.list")}>
      {invitations.length === 0 ? (
        <EmptyState
          title={t("outreach.invitations.empty")}
          hint={role === "GOV_OFFICE" ? t("outreach.invitations.emptyHint") : undefined}
        />
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("outreach.invitations.list")}</caption>
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("outreach.invitations.firmName")}
                </th>
                {role === "GOV_BUREAU" && (
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("outreach.invitations.office")}
                  </th>
                )}
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("outreach.invitations.channel")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("outreach.invitations.createdAt")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("outreach.invitations.state")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="py-2 pr-4">
                    <Link
                      to={`/gov/invitations/${invitation.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {invitation.firmName}
                    </Link>
                    {invitation.uscc && (
                      <span className="ml-2 font-mono text-xs text-slate-500">{invitation.uscc}</span>
                    )}
                  </td>
                  {role === "GOV_BUREAU" && (
                    <td className="py-2 pr-4">
                      {locale === "en" ? invitation.subDistrict.nameEn : invitation.subDistrict.name}
                    </td>
                  )}
                  <td className="py-2 pr-4">{td(`outreach.invitations.channels.${invitation.channel}`)}</td>
                  <td className="py-2 pr-4">{formatDate(invitation.createdAt, locale)}</td>
                  <td className="py-2">
                    <InvitationStateBadge state={invitation.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </Card>
  );
}
