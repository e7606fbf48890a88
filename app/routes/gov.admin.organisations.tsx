import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { withClientIp } from "~/client-ip.server";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { AuditedActor, BureauActor } from "~/models/actor";
import {
  createBank,
  createSubDistrict,
  listOrganisations,
  updateBank,
  updateSubDistrict,
  type OrgResult,
} from "~/models/admin.server";
import { text } from "~/utils/form-schema";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const KINDS = ["OFFICE", "TOWN", "PARK"] as const;
const id = z.string().regex(/^[a-z0-9]{8,40}$/, "common.validation.invalid");
const names = { name: text(40), nameEn: text(80) };
const subDistrictSchema = z.object({
  code: text(20).refine((v) => /^[a-z][a-z0-9-]{1,19}$/.test(v), "gov.admin.errors.subDistrictCode"),
  ...names,
  kind: z.enum(KINDS),
});
const bankSchema = z.object({
  code: text(12).refine((v) => /^[A-Z][A-Z0-9]{1,11}$/.test(v), "gov.admin.errors.bankCode"),
  ...names,
});
const renameSchema = z.object({ id, ...names });
const toggleSchema = z.object({ id, active: z.enum(["true", "false"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, ...(await listOrganisations(actor)) };
}

type Failure = {
  intent: string;
  rowId?: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
};

async function run(
  request: Request,
  actor: AuditedActor<BureauActor>,
  intent: string,
  form: FormData,
): Promise<OrgResult | Failure> {
  const fail = (errors: FieldErrors, values = formDataToObject(form)): Failure => ({
    intent,
    rowId: String(form.get("id") ?? ""),
    errors,
    values,
  });
  const kind = intent.endsWith("SubDistrict") ? "subDistrict" : "bank";
  if (intent === "createSubDistrict" || intent === "createBank") {
    const parsed = kind === "subDistrict" ? parseForm(subDistrictSchema, form) : parseForm(bankSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    return kind === "subDistrict"
      ? createSubDistrict(actor, parsed.data as z.infer<typeof subDistrictSchema>)
      : createBank(actor, parsed.data as z.infer<typeof bankSchema>);
  }
  if (intent === "renameSubDistrict" || intent === "renameBank") {
    const parsed = parseForm(renameSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const { id: rowId, ...data } = parsed.data;
    return kind === "subDistrict" ? updateSubDistrict(actor, rowId, data) : updateBank(actor, rowId, data);
  }
  if (intent === "toggleSubDistrict" || intent === "toggleBank") {
    const parsed = parseForm(toggleSchema, form);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const data = { active: parsed.data.active === "true" };
    return kind === "subDistrict"
      ? updateSubDistrict(actor, parsed.data.id, data)
      : updateBank(actor, parsed.data.id, data);
  }
  throw denial(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const result = await run(request, actor, intent, form);
  if ("intent" in result) return badRequest<Failure>(result);
  if (!result.ok) {
    if ("error" in result) throw denial(request);
    return badRequest<Failure>({
      intent,
      errors: { [result.field]: { key: result.key } },
      values: formDataToObject(form),
    });
  }
  return redirectWithFlash("/gov/admin/organisations", { kind: "success", key: "gov.admin.flash.saved" });
}

export default function AdminOrganisations() {
  const { role, subDistricts, banks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errorsOf = (intent: string, rowId?: string) =>
    actionData?.intent === intent && (!rowId || actionData.rowId === rowId) ? actionData.errors : {};
  const valueOf = (intent: string, name: string, fallback = "", rowId?: string) => {
    if (actionData?.intent !== intent || (rowId && actionData.rowId !== rowId)) return fallback;
    const v = actionData.values[name];
    return typeof v === "string" ? v : fallback;
  };
  const sdErrors = errorsOf("createSubDistrict");
  const bankErrors = errorsOf("createBank");
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("gov.admin.orgs.title")} description={t("gov.admin.orgs.intro")} />
      <Card title={t("gov.admin.orgs.subDistricts")}>
        <ul className="divide-y divide-slate-100">
          {subDistricts.map((s) => {
            const errors = errorsOf("renameSubDistrict", s.id);
            return (
              <li key={s.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-end">
                <Form
                  method="post"
                  className="grid flex-1 gap-2 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end"
                >
                  <input type="hidden" name="id" value={s.id} />
                  <span className="flex flex-col text-sm">
                    <span className="font-mono">{s.code}</span>
                    <span className="text-xs text-slate-500">
                      {td(`domain.subDistrictKind.${s.kind}`)} ·{" "}
                      {t("gov.admin.orgs.firmCount", { count: s._count.enterprises })}
                    </span>
                  </span>
                  <Field id={`sd-name-${s.id}`} label={t("gov.admin.orgs.name")} error={errors.name}>
                    <input
                      {...fieldAria(`sd-name-${s.id}`, errors.name)}
                      name="name"
                      maxLength={40}
                      defaultValue={valueOf("renameSubDistrict", "name", s.name, s.id)}
                      className={inputClass}
                    />
                  </Field>
                  <Field id={`sd-nameEn-${s.id}`} label={t("gov.admin.orgs.nameEn")} error={errors.nameEn}>
                    <input
                      {...fieldAria(`sd-nameEn-${s.id}`, errors.nameEn)}
                      name="nameEn"
                      maxLength={80}
                      defaultValue={valueOf("renameSubDistrict", "nameEn", s.nameEn, s.id)}
                      className={inputClass}
                    />
                  </Field>
                  <SubmitButton name="intent" value="renameSubDistrict" variant="secondary">
                    {t("common.actions.save")}
                  </SubmitButton>
                </Form>
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="active" value={s.active ? "false" : "true"} />
                  {!s.active && <Badge tone="gray">{t("gov.admin.orgs.inactive")}</Badge>}
                  <SubmitButton
                    name="intent"
                    value="toggleSubDistrict"
                    variant={s.active ? "ghost" : "secondary"}
                  >
                    {s.active ? t("gov.admin.orgs.deactivate") : t("gov.admin.orgs.activate")}
                  </SubmitButton>
                </Form>
              </li>
            );
          })}
        </ul>
        <Form
          method="post"
          className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
          noValidate
        >
          <Field
            id="sd-code"
            label={t("gov.admin.orgs.code")}
            error={sdErrors.code}
            hint={t("gov.admin.orgs.subDistrictCodeHint")}
          >
            <input
              {...fieldAria("sd-code", sdErrors.code, true)}
              name="code"
              maxLength={20}
              defaultValue={valueOf("createSubDistrict", "code")}
              className={inputClass}
            />
          </Field>
          <Field id="sd-name" label={t("gov.admin.orgs.name")} error={sdErrors.name}>
            <input
              {...fieldAria("sd-name", sdErrors.name)}
              name="name"
              maxLength={40}
              defaultValue={valueOf("createSubDistrict", "name")}
              className={inputClass}
            />
          </Field>
          <Field id="sd-nameEn" label={t("gov.admin.orgs.nameEn")} error={sdErrors.nameEn}>
            <input
              {...fieldAria("sd-nameEn", sdErrors.nameEn)}
              name="nameEn"
              maxLength={80}
              defaultValue={valueOf("createSubDistrict", "nameEn")}
              className={inputClass}
            />
          </Field>
          <Field id="sd-kind" label={t("gov.admin.orgs.kind")} error={sdErrors.kind}>
            <select
              {...fieldAria("sd-kind", sdErrors.kind)}
              name="kind"
              defaultValue={valueOf("createSubDistrict", "kind", "OFFICE")}
              className={inputClass}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {td(`domain.subDistrictKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <SubmitButton name="intent" value="createSubDistrict">
            {t("gov.admin.orgs.addSubDistrict")}
          </SubmitButton>
        </Form>
      </Card>
      <Card title={t("gov.admin.orgs.banks")}>
        <ul className="divide-y divide-slate-100">
          {banks.map((b) => {
            const errors = errorsOf("renameBank", b.id);
            return (
              <li key={b.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-end">
                <Form
                  method="post"
                  className="grid flex-1 gap-2 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end"
                >
                  <input type="hidden" name="id" value={b.id} />
                  <span className="flex flex-col text-sm">
                    <span className="font-mono">{b.code}</span>
                    <span className="text-xs text-slate-500">
                      {t("gov.admin.orgs.userCount", { count: b._count.users })}
                    </span>
                  </span>
                  <Field id={`bank-name-${b.id}`} label={t("gov.admin.orgs.name")} error={errors.name}>
                    <input
                      {...fieldAria(`bank-name-${b.id}`, errors.name)}
                      name="name"
                      maxLength={40}
                      defaultValue={valueOf("renameBank", "name", b.name, b.id)}
                      className={inputClass}
                    />
                  </Field>
                  <Field id={`bank-nameEn-${b.id}`} label={t("gov.admin.orgs.nameEn")} error={errors.nameEn}>
                    <input
                      {...fieldAria(`bank-nameEn-${b.id}`, errors.nameEn)}
                      name="nameEn"
                      maxLength={80}
                      defaultValue={valueOf("renameBank", "nameEn", b.nameEn, b.id)}
                      className={inputClass}
                    />
                  </Field>
                  <SubmitButton name="intent" value="renameBank" variant="secondary">
                    {t("common.actions.save")}
                  </SubmitButton>
                </Form>
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="id" value={b.id} />
                  <input type="hidden" name="active" value={b.active ? "false" : "true"} />
                  {!b.active && <Badge tone="gray">{t("gov.admin.orgs.inactive")}</Badge>}
                  <SubmitButton name="intent" value="toggleBank" variant={b.active ? "ghost" : "secondary"}>
                    {b.active ? t("gov.admin.orgs.deactivate") : t("gov.admin.orgs.activate")}
                  </SubmitButton>
                </Form>
              </li>
            );
          })}
        </ul>
        <Form
          method="post"
          className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
          noValidate
        >
          <Field
            id="bank-code"
            label={t("gov.admin.orgs.code")}
            error={bankErrors.code}
            hint={t("gov.admin.orgs.bankCodeHint")}
          >
            <input
              {...fieldAria("bank-code", bankErrors.code, true)}
              name="code"
              maxLength={12}
              defaultValue={valueOf("createBank", "code")}
              className={inputClass}
            />
          </Field>
          <Field id="bank-name" label={t("gov.admin.orgs.name")} error={bankErrors.name}>
            <input
              {...fieldAria("bank-name", bankErrors.name)}
              name="name"
              maxLength={40}
              defaultValue={valueOf("createBank", "name")}
              className={inputClass}
            />
          </Field>
          <Field id="bank-nameEn" label={t("gov.admin.orgs.nameEn")} error={bankErrors.nameEn}>
            <input
              {...fieldAria("bank-nameEn", bankErrors.nameEn)}
              name="nameEn"
              maxLength={80}
              defaultValue={valueOf("createBank", "nameEn")}
              className={inputClass}
            />
          </Field>
          <SubmitButton name="intent" value="createBank">
            {t("gov.admin.orgs.addBank")}
          </SubmitButton>
        </Form>
      </Card>
    </div>
  );
}
