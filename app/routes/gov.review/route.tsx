import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PostForm } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { EmptyState, PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { BureauActor } from "~/models/actor";
import { approveIntoBatch, rejectRecommendations } from "~/models/whitelist.server";
import { requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ApproveCard, RejectCard } from "./decision-cards";
import { PendingTable } from "./pending-table";
import { reviewPage } from "./queries.server";
import { approveSchema, rejectSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, ...(await reviewPage(actor, await getLocale(request))) };
}

type Failure = { errors: FieldErrors; values: Record<string, string | string[]> };

async function approve(actor: BureauActor, form: FormData) {
  const parsed = parseForm(approveSchema(), form);
  if (!parsed.ok) return badRequest<Failure>({ errors: parsed.errors, values: parsed.values });
  const result = await approveIntoBatch(actor, parsed.data);
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "BATCH_NAME_TAKEN"
        ? { batchName: { key: "gov.review.errors.nameTaken" } }
        : { _form: { key: "gov.review.errors.nothingPending" } };
    return badRequest<Failure>({ errors, values: formDataToObject(form) });
  }
  return redirectWithFlash("/gov/whitelist", {
    kind: "success",
    key: result.skipped ? "gov.review.flash.approvedSome" : "gov.review.flash.approved",
    params: { count: result.approved, skipped: result.skipped },
  });
}

async function reject(actor: BureauActor, form: FormData) {
  const parsed = parseForm(rejectSchema(), form);
  if (!parsed.ok) return badRequest<Failure>({ errors: parsed.errors, values: parsed.values });
  const { rejected } = await rejectRecommendations(actor, parsed.data);
  if (rejected === 0)
    return badRequest<Failure>({
      errors: { _form: { key: "gov.review.errors.nothingPending" } },
      values: formDataToObject(form),
    });
  return redirectWithFlash("/gov/review", {
    kind: "success",
    key: "gov.review.flash.rejected",
    params: { count: rejected },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "approve":
      return approve(actor, form);
    case "reject":
      return reject(actor, form);
    default:
      return badRequest<Failure>({
        errors: { _form: { key: "common.validation.invalidChoice" } },
        values: {},
      });
  }
}

export default function GovReview() {
  const { role, pending, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const selected = new Set(
    Array.isArray(values.ids) ? values.ids : typeof values.ids === "string" ? [values.ids] : [],
  );
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader title={t("gov.review.title")} description={t("gov.review.intro")} />
      {errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(errors._form.key)}
        </p>
      )}
      {pending.length === 0 ? (
        <EmptyState
          title={t("gov.review.empty")}
          hint={t("gov.review.emptyHint")}
          action={
            <Link to="/gov/whitelist" className="text-sm font-medium text-brand-700 hover:underline">
              {t("gov.nav.whitelist")}
            </Link>
          }
        />
      ) : (
        <PostForm result={actionData} defaults={defaults} alert={false} className="flex flex-col gap-6">
          <PendingTable pending={pending} selected={selected} idsInvalid={Boolean(errors.ids)} />
          {errors.ids && (
            <p id="ids-error" role="alert" className="text-sm text-red-700">
              {td(errors.ids.key, errors.ids.params)}
            </p>
          )}
          <div className="grid gap-6 lg:grid-cols-2">
            <ApproveCard />
            <RejectCard />
          </div>
        </PostForm>
      )}
    </div>
  );
}
