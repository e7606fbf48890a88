import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { InvitationSheet } from "~/components/invitation-sheet";
import { InvitationStateBadge } from "~/components/invitation-state";
import { Card, PageHeader } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { FUNNEL_STEPS } from "~/domain/funnel";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { parseId } from "~/domain/list-query";
import { getInvitation } from "~/models/invitation.server";
import { requireGovUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";
import { qrSvg } from "~/utils/qr.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const id = parseId(params.id);
  const invitation = id ? await getInvitation(actor, id) : null;
  if (!invitation) notFound();
  const link = `${new URL(request.url).origin}/register?${new URLSearchParams({ invite: invitation.code })}`;
  const { code: _code, ...rest } = invitation;
  return { role: actor.role, invitation: rest, link, qr: await qrSvg(link) };
}

export default function GovInvitation() {
  const { role, invitation, link, qr } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const office = locale === "en" ? invitation.subDistrict.nameEn : invitation.subDistrict.name;
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <Link to="/gov/invitations" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("outreach.invitations.title")}
      </Link>
      <PageHeader
        title={invitation.firmName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <InvitationStateBadge state={invitation.state} />
            <span>{office}</span>
            <span>
              {t("outreach.invitations.expires", { day: formatDate(invitation.expiresAt, locale) })}
            </span>
          </span>
        }
        actions={
          <button
            type="button"
            onClick={() => window.print()}
            className="inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("outreach.invitations.print")}
          </button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("outreach.invitations.linkTitle")}>
          <p className="text-sm text-slate-600">{t("outreach.invitations.linkHint")}</p>
          <label htmlFor="invitation-link" className="mt-3 block text-sm font-medium">
            {t("outreach.invitations.link")}
          </label>
          <input
            id="invitation-link"
            readOnly
            value={link}
            className="mt-1 block w-full rounded-md bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-slate-300"
            onFocus={(event) => event.currentTarget.select()}
          />
          <div
            className="mx-auto mt-4 w-56"
            role="img"
            aria-label={t("outreach.invitations.qrLabel")}
            dangerouslySetInnerHTML={{ __html: qr }}
          />
        </Card>
        <Card title={t("outreach.invitations.progress")}>
          <dl className="grid gap-2 text-sm">
            {FUNNEL_STEPS.map((step) => {
              const at = invitation.facts[`${step}At` as keyof typeof invitation.facts];
              return (
                <div key={step} className="flex justify-between gap-4">
                  <dt className="text-slate-600">{td(`outreach.funnel.steps.${step}`)}</dt>
                  <dd className="font-medium">{at ? formatDate(at, locale) : "—"}</dd>
                </div>
              );
            })}
          </dl>
          {invitation.enterprise && (
            <p className="mt-4 text-sm">
              <Link
                to={`/gov/firms/${invitation.enterprise.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {invitation.enterprise.name}
              </Link>
            </p>
          )}
          <div className="mt-4 grid gap-1 border-t border-slate-200 pt-4 text-sm text-slate-700">
            {invitation.uscc && (
              <div>
                {t("outreach.invitations.uscc")}: <span className="font-mono">{invitation.uscc}</span>
              </div>
            )}
            {(invitation.contactName || invitation.contactMobile) && (
              <div>
                {t("outreach.invitations.contactName")}: {invitation.contactName} {invitation.contactMobile}
              </div>
            )}
            <div>
              {t("outreach.invitations.channel")}: {td(`outreach.invitations.channels.${invitation.channel}`)}
            </div>
            {invitation.note && <div>{invitation.note}</div>}
            <div>
              {t("outreach.invitations.createdBy", {
                name: invitation.createdBy.displayName,
                day: formatDate(invitation.createdAt, locale),
              })}
            </div>
          </div>
        </Card>
      </div>
      <InvitationSheet
        firmName={invitation.firmName}
        office={office}
        link={link}
        qr={qr}
        expires={formatDate(invitation.expiresAt, locale)}
      />
    </div>
  );
}
