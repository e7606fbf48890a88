import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { PageHeader, buttonClass } from "~/components/ui";
import { allowedActions, type ApplicationState } from "~/domain/application-machine";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { transitionApplication, type TransitionInput } from "~/models/application-transition.server";
import { getOwnApplication } from "~/models/enterprise-application.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { actionSchema } from "./schema.server";
import { ActionsCard, SlaCard, SummaryCard, Timeline } from "./sections";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const application = await getOwnApplication(actor, params.id ?? "");
  if (!application) notFound();
  return { application };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const id = params.id ?? "";
  const parsed = parseForm(actionSchema(), await readForm(request));
  if (!parsed.ok) return badRequest({ error: "common.errors.badRequestBody" });
  const here = `/enterprise/applications/${id}`;
  const { intent, version } = parsed.data;
  if (intent === "acknowledge") {
    // Accepting an approved offer records nothing: the bank disburses next (see the catalogue hint).
    const application = await getOwnApplication(actor, id);
    if (!application) throw new Response("Forbidden", { status: 403 });
    if (application.state !== "APPROVED" || application.version !== version)
      return json({ error: "enterprise.applications.actions.changed" }, { status: 409 });
    return redirectWithFlash(here, { kind: "success", key: "enterprise.applications.actions.acceptedOffer" });
  }
  const input: TransitionInput =
    intent === "withdraw" ? { action: "withdraw" } : { action: "cancel", reason: "FIRM_DECLINED" };
  const result = await transitionApplication({ applicationId: id, actor, input, expectedVersion: version });
  if (!result.ok) {
    if (result.error === "NOT_FOUND" || result.error === "FORBIDDEN")
      throw new Response("Forbidden", { status: 403 });
    return json({ error: "enterprise.applications.actions.changed" }, { status: 409 });
  }
  return redirectWithFlash(here, {
    kind: "success",
    key:
      intent === "withdraw"
        ? "enterprise.applications.actions.withdrawn"
        : "enterprise.applications.actions.declined",
  });
}

export default function ApplicationDetail() {
  const { application } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const actions = allowedActions(application.state as ApplicationState, "ENTERPRISE");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`${application.product.name} · ${application.number}`}
        description={locale === "zh-CN" ? application.bank.name : application.bank.nameEn}
        actions={
          <Link to="/enterprise/applications" className="text-sm text-brand-700 hover:underline">
            ← {t("enterprise.applications.title")}
          </Link>
        }
      />
      <EnterpriseNav />
      {actionData?.error && (
        <div
          role="alert"
          className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
        >
          <span>{td(actionData.error)}</span>
          <Link to="." reloadDocument className={buttonClass("secondary")}>
            {t("enterprise.applications.actions.reload")}
          </Link>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <SummaryCard application={application} />
        <div className="flex flex-col gap-6">
          <SlaCard application={application} />
          {actions.length > 0 && <ActionsCard application={application} actions={actions} />}
        </div>
      </div>
      <Timeline application={application} />
    </div>
  );
}
