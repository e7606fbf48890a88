import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { FormAlert, resultFor } from "~/components/form-kit";
import { idSchema } from "~/components/pool-forms.server";
import { BureauPoolNav } from "~/components/pool-ui";
import { PageHeader, buttonClass } from "~/components/ui";
import { formatFen } from "~/domain/money-fen";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { markRecoveryReceived } from "~/models/pool-recovery.server";
import { requireBureauUser } from "~/permissions.server";
import { parseSubmission, replyFormError } from "~/utils/form-action.server";
import { FORM_ERROR } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { recoveriesPage } from "./queries.server";
import { RecoveriesTable } from "./recoveries-table";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return recoveriesPage(actor, new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, idSchema());
  if (!submission.ok) return submission.reply;
  const result = await markRecoveryReceived(actor, submission.data.id);
  if (!result.ok) {
    if (result.error === "NOT_FOUND") notFound();
    return replyFormError("pool.errors.changed", { values: submission.values, status: 409 });
  }
  return redirectWithFlash("/gov/risk-pool/recoveries", { kind: "success", key: "pool.recoveries.received" });
}

export default function PoolRecoveries() {
  const { recoveries, total, page, received, owedFen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const own = resultFor(actionData);
  return (
    <div className="flex flex-col gap-4">
      <BureauPoolNav />
      <PageHeader
        title={t("pool.recoveries.title")}
        description={t("pool.recoveries.intro")}
        actions={
          <>
            <Link to="/gov/risk-pool/recoveries" className={buttonClass(received ? "secondary" : "primary")}>
              {t("pool.recoveries.showOwed")}
            </Link>
            <Link
              to="/gov/risk-pool/recoveries?show=received"
              className={buttonClass(received ? "primary" : "secondary")}
            >
              {t("pool.recoveries.showReceived")}
            </Link>
          </>
        }
      />
      <p className="text-sm font-medium">{t("pool.recoveries.owedTotal", { amount: formatFen(owedFen) })}</p>
      <FormAlert error={own?.errors?.[FORM_ERROR]} />
      <RecoveriesTable
        recoveries={recoveries}
        received={received}
        page={page}
        total={total}
        actionData={actionData}
      />
    </div>
  );
}
