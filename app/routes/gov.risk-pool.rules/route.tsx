import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import {
  CheckboxField,
  CheckboxGroup,
  DateField,
  MoneyField,
  NumberField,
  PostForm,
  TextField,
} from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { RULE_FIELD_OF, ruleSchema } from "~/components/pool-forms.server";
import { BureauPoolNav } from "~/components/pool-ui";
import { Badge, Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { bpToPercentInput, formatBp, formatYuanAsWan, yuanToWanInput } from "~/domain/money";
import { GUARANTEE_TYPES, type GuaranteeType } from "~/domain/product-terms";
import type { RuleProblem } from "~/domain/risk-pool";
import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool-codes";
import { POOL_SIZES } from "~/domain/risk-pool-codes";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { createRuleVersion, listRuleVersions } from "~/models/pool-rule.server";
import { requireBureauUser } from "~/permissions.server";
import { parseSubmission, replyWithErrors } from "~/utils/form-action.server";
import type { FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { rules: await listRuleVersions(actor), today: shanghaiDate(new Date()) };
}

const PROBLEM_KEY: Record<RuleProblem, string> = {
  DATE_INVALID: "pool.errors.date",
  DATE_PAST: "pool.errors.datePast",
  DATE_TAKEN: "pool.errors.dateTaken",
  OUT_OF_RANGE: "common.validation.invalid",
  COVERAGE_OVER_100: "pool.errors.coverageOver",
  EMPTY: "pool.errors.pickOne",
  UNKNOWN_VALUE: "common.validation.invalidChoice",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const submission = parseSubmission(form, ruleSchema());
  if (!submission.ok) return submission.reply;
  const d = submission.data;
  const result = await createRuleVersion(
    actor,
    {
      effectiveOn: d.effectiveOn,
      coverageBp: d.coverage,
      firstLoanBonusBp: d.bonus,
      capYuan: d.cap,
      guaranteeTypes: d.guaranteeTypes,
      maxPrincipalYuan: d.maxPrincipal,
      sizes: d.sizes,
      whitelistOnly: d.whitelistOnly,
      filingWindowDays: d.filingWindow,
      claimThresholdDpd: d.claimThreshold,
      suspensionThresholdBp: d.suspension,
    },
    d.note,
  );
  if (!result.ok) {
    const errors: FieldErrors = {};
    for (const [term, problem] of Object.entries(result.problems))
      errors[RULE_FIELD_OF[term as keyof typeof RULE_FIELD_OF]] = { key: PROBLEM_KEY[problem] };
    return replyWithErrors({ errors, values: submission.values });
  }
  return redirectWithFlash("/gov/risk-pool/rules", { kind: "success", key: "pool.rules.created" });
}

type Rule = SerializeFrom<typeof loader>["rules"][number];

export default function PoolRules() {
  const { rules, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const status = (rule: Rule) =>
    rule.inForce ? (
      <Badge tone="green">{t("pool.rules.inForce")}</Badge>
    ) : rule.effectiveOn > today ? (
      <Badge tone="blue">{t("pool.rules.future")}</Badge>
    ) : (
      <Badge>{t("pool.rules.past")}</Badge>
    );
  const columns: Column<Rule>[] = [
    {
      key: "effectiveOn",
      header: t("pool.rules.effectiveOn"),
      nowrap: true,
      cell: (r) => (
        <span className="flex flex-col gap-1">
          {formatDay(r.effectiveOn, locale)} {status(r)}
        </span>
      ),
    },
    { key: "coverage", header: t("pool.rules.coverage"), nowrap: true, cell: (r) => formatBp(r.coverageBp) },
    { key: "bonus", header: t("pool.rules.bonus"), nowrap: true, cell: (r) => formatBp(r.firstLoanBonusBp) },
    {
      key: "cap",
      header: t("pool.rules.cap"),
      nowrap: true,
      cell: (r) => formatYuanAsWan(r.capYuan, locale),
    },
    {
      key: "maxPrincipal",
      header: t("pool.rules.maxPrincipal"),
      nowrap: true,
      cell: (r) => formatYuanAsWan(r.maxPrincipalYuan, locale),
    },
    {
      key: "guaranteeTypes",
      header: t("pool.rules.guaranteeTypes"),
      cell: (r) => r.guaranteeTypes.map((g) => t(`domain.guaranteeType.${g as GuaranteeType}`)).join("、"),
    },
    {
      key: "sizes",
      header: t("pool.rules.sizes"),
      cell: (r) =>
        r.sizes.map((s) => t(`domain.size.${s as (typeof POOL_SIZES)[number]}`)).join("、") +
        (r.whitelistOnly ? ` · ${t("pool.rules.whitelistOnly")}` : ""),
    },
    { key: "window", header: t("pool.rules.filingWindow"), align: "right", cell: (r) => r.filingWindowDays },
    { key: "dpd", header: t("pool.rules.claimThreshold"), align: "right", cell: (r) => r.claimThresholdDpd },
    {
      key: "suspension",
      header: t("pool.rules.suspension"),
      nowrap: true,
      cell: (r) => formatBp(r.suspensionThresholdBp),
    },
    { key: "note", header: t("pool.rules.note"), cell: (r) => r.note || "—" },
  ];
  const d = DEFAULT_RULE_TERMS;
  return (
    <div className="flex flex-col gap-6">
      <BureauPoolNav />
      <PageHeader title={t("pool.rules.title")} description={t("pool.rules.intro")} />
      <DataTable
        label={t("pool.rules.title")}
        rows={rules}
        rowKey={(r) => r.id}
        columns={columns}
        empty={<EmptyState title={t("pool.rules.empty")} hint={t("pool.noRule")} />}
      />
      <Card title={t("pool.rules.newTitle")}>
        <PostForm
          result={actionData}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
          defaults={{
            effectiveOn: addDays(today, 1),
            coverage: bpToPercentInput(d.coverageBp),
            bonus: bpToPercentInput(d.firstLoanBonusBp),
            cap: yuanToWanInput(d.capYuan),
            maxPrincipal: yuanToWanInput(d.maxPrincipalYuan),
            guaranteeTypes: [...d.guaranteeTypes],
            sizes: [...d.sizes],
            whitelistOnly: d.whitelistOnly,
            filingWindow: String(d.filingWindowDays),
            claimThreshold: String(d.claimThresholdDpd),
            suspension: bpToPercentInput(d.suspensionThresholdBp),
          }}
        >
          <DateField name="effectiveOn" label={t("pool.rules.effectiveOn")} min={today} />
          <MoneyField name="coverage" label={t("pool.rules.coverage")} unit="%" maxLength={6} />
          <MoneyField name="bonus" label={t("pool.rules.bonus")} unit="%" maxLength={6} />
          <MoneyField name="cap" label={t("pool.rules.cap")} maxLength={20} />
          <MoneyField name="maxPrincipal" label={t("pool.rules.maxPrincipal")} maxLength={20} />
          <MoneyField name="suspension" label={t("pool.rules.suspension")} unit="%" maxLength={6} />
          <NumberField name="filingWindow" label={t("pool.rules.filingWindow")} maxLength={3} />
          <NumberField name="claimThreshold" label={t("pool.rules.claimThreshold")} maxLength={3} />
          <TextField name="note" label={t("pool.rules.note")} maxLength={200} />
          <CheckboxGroup
            name="guaranteeTypes"
            label={t("pool.rules.guaranteeTypes")}
            className="sm:col-span-2 lg:col-span-3"
            options={GUARANTEE_TYPES.map((g) => ({ value: g, label: t(`domain.guaranteeType.${g}`) }))}
          />
          <CheckboxGroup
            name="sizes"
            label={t("pool.rules.sizes")}
            options={POOL_SIZES.map((s) => ({ value: s, label: t(`domain.size.${s}`) }))}
          />
          <CheckboxField name="whitelistOnly" label={t("pool.rules.whitelistOnly")} />
          <div className="sm:col-span-2 lg:col-span-3">
            <SubmitButton>{t("pool.rules.submit")}</SubmitButton>
          </div>
        </PostForm>
      </Card>
    </div>
  );
}
