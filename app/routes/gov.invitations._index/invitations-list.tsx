import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { InvitationStateBadge } from "~/components/invitation-state";
import { DataTable, type Column } from "~/components/list-kit";
import { Card, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Invitation = Data["invitations"][number];

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
  const columns: (Column<Invitation> | false)[] = [
    {
      key: "firmName",
      header: t("outreach.invitations.firmName"),
      cell: (invitation) => (
        <>
          <Link
            to={`/gov/invitations/${invitation.id}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {invitation.firmName}
          </Link>
          {invitation.uscc && (
            <span className="ml-2 font-mono text-xs text-slate-500">{invitation.uscc}</span>
          )}
        </>
      ),
    },
    role === "GOV_BUREAU" && {
      key: "office",
      header: t("outreach.invitations.office"),
      cell: (invitation) => (locale === "en" ? invitation.subDistrict.nameEn : invitation.subDistrict.name),
    },
    {
      key: "channel",
      header: t("outreach.invitations.channel"),
      cell: (invitation) => td(`outreach.invitations.channels.${invitation.channel}`),
    },
    {
      key: "createdAt",
      header: t("outreach.invitations.createdAt"),
      cell: (invitation) => formatDate(invitation.createdAt, locale),
    },
    {
      key: "state",
      header: t("outreach.invitations.state"),
      cell: (invitation) => <InvitationStateBadge state={invitation.state} />,
    },
  ];
  return (
    <Card title={t("outreach.invitations.list")}>
      <DataTable
        label={t("outreach.invitations.list")}
        rows={invitations}
        rowKey={(invitation) => invitation.id}
        columns={columns}
        dense
        framed={false}
        empty={
          <EmptyState
            title={t("outreach.invitations.empty")}
            hint={role === "GOV_OFFICE" ? t("outreach.invitations.emptyHint") : undefined}
          />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </Card>
  );
}
