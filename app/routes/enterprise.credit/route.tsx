import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { PageHeader, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import {
  getOwnCreditProfile,
  objectableRecords,
  refreshOwnCreditProfile,
} from "~/models/credit-profile.server";
import { fileObjection } from "~/models/objection.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ObjectionForm } from "./objection-form";
import { objectionSchema } from "./schema.server";
import { ObjectionsList, RefreshStatus, SourceCards } from "./sections";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const profile = await getOwnCreditProfile(actor);
  if (!profile) notFound();
  return { ...profile, records: objectableRecords(profile.sources) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "refresh") return refresh();
  if (intent === "object") return object();
  return badRequest({
    intent: "unknown" as const,
    errors: { _form: { key: "common.validation.invalidChoice" } },
    values: {},
    notice: null,
  });

  async function refresh() {
    const result = await refreshOwnCreditProfile(actor);
    if (result.ok) {
      return redirectWithFlash("/enterprise/credit", {
        kind: "success",
        key: result.suspended ? "enterprise.credit.refreshedSuspended" : "enterprise.credit.refreshed",
      });
    }
    const locale = await getLocale(request);
    const notice =
      result.error === "TOO_SOON"
        ? { key: "enterprise.credit.tooSoon", params: { date: formatDateTime(result.nextAt, locale) } }
        : { key: "enterprise.credit.lastError", params: {} };
    return json(
      { intent: "refresh" as const, errors: {}, values: {}, notice },
      { status: result.error === "TOO_SOON" ? 429 : 503 },
    );
  }

  async function object() {
    const parsed = parseForm(objectionSchema(), form);
    if (!parsed.ok)
      return badRequest({
        intent: "object" as const,
        errors: parsed.errors,
        values: parsed.values,
        notice: null,
      });
    const [source, ...rest] = parsed.data.record.split("::");
    const result = await fileObjection(actor, {
      source,
      recordKey: rest.join("::"),
      reason: parsed.data.reason,
      attachmentNote: parsed.data.attachmentNote,
    });
    if (!result.ok) {
      const key =
        result.error === "ALREADY_OPEN"
          ? "enterprise.credit.errors.alreadyOpen"
          : "enterprise.credit.errors.noSuchRecord";
      return badRequest({
        intent: "object" as const,
        errors: { record: { key } },
        values: {
          record: parsed.data.record,
          reason: parsed.data.reason,
          attachmentNote: parsed.data.attachmentNote,
        },
        notice: null,
      });
    }
    return redirectWithFlash("/enterprise/credit#objections", {
      kind: "success",
      key: "enterprise.credit.filed",
    });
  }
}

export default function CreditProfilePage() {
  const { enterprise, sources, objections, nextRefreshAt, refreshMinutes, records } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const errors = (actionData?.intent === "object" ? actionData.errors : {}) as Record<
    string,
    { key: string; params?: Record<string, string> }
  >;
  const values = (actionData?.intent === "object" ? actionData.values : {}) as Record<string, string>;
  const preselected = values.record ?? params.get("record") ?? "";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.credit.title")}
        description={t("enterprise.credit.intro")}
        actions={
          <Form method="post">
            <SubmitButton
              name="intent"
              value="refresh"
              variant="secondary"
              pendingLabel={t("enterprise.credit.refreshing")}
            >
              {t("enterprise.credit.refresh")}
            </SubmitButton>
          </Form>
        }
      />
      <EnterpriseNav />
      <RefreshStatus
        enterprise={enterprise}
        nextRefreshAt={nextRefreshAt}
        refreshMinutes={refreshMinutes}
        notice={actionData?.notice}
      />
      <SourceCards sources={sources} />

      <ObjectionForm records={records} errors={errors} values={values} preselected={preselected} />

      <ObjectionsList objections={objections} />
    </div>
  );
}
