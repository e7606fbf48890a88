import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";

import { clientIpOf } from "~/client-ip.server";
import {
  Badge,
  Card,
  Field,
  PageHeader,
  SubmitButton,
  buttonClass,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { classifyEnterprise, type EnterpriseSize } from "~/domain/enterprise-size";
import { formatDay } from "~/domain/format-date";
import {
  SECTIONS,
  SECTION_CODES,
  sizeDivisionOptions,
  sizeRuleSetFor,
  type SectionCode,
} from "~/domain/industry";
import { passwordProblem } from "~/domain/password-policy";
import { normalizeUscc } from "~/domain/uscc";
import { flashHeader } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { homePathFor } from "~/models/actor";
import { invitationPrefill } from "~/models/invitation.server";
import {
  listActiveSubDistricts,
  lookupRegistry,
  registerEnterprise,
  type LookupError,
} from "~/models/registration.server";
import { getSettings } from "~/models/settings.server";
import { InvitationNote } from "~/components/invitation-note";
import { getActor } from "~/permissions.server";
import { createSession } from "~/session.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const E = "enterprise.register.errors";
const LOOKUP_ERROR_KEYS: Record<LookupError, string> = {
  INVALID_USCC: `${E}.invalidUscc`,
  NOT_FOUND: `${E}.notFound`,
  INACTIVE: `${E}.inactive`,
  ALREADY_REGISTERED: `${E}.alreadyRegistered`,
  PLATFORM_UNAVAILABLE: `${E}.platformUnavailable`,
};
const USCC_PROBLEM_KEYS: Record<string, string> = {
  length: `${E}.usccLength`,
  characters: `${E}.usccCharacters`,
  check: `${E}.usccCheck`,
};
const PASSWORD_KEYS = {
  tooShort: `${E}.passwordTooShort`,
  tooLong: `${E}.passwordTooLong`,
  classes: `${E}.passwordClasses`,
  containsUsername: `${E}.passwordContainsUsername`,
  characters: `${E}.passwordCharacters`,
  common: `${E}.passwordCommon`,
} as const;

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, `${E}.wholeNumber`)
  .transform(Number)
  .refine((n) => n <= 100_000_000, `${E}.tooLarge`);

const registrationSchema = z
  .object({
    uscc: z.string().max(64).transform(normalizeUscc),
    contactName: z.string().trim().min(1).max(40),
    contactMobile: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, `${E}.mobile`),
    sectionCode: z.enum(SECTION_CODES),
    divisionCode: z
      .string()
      .max(8)
      .optional()
      .transform((v) => v?.trim() || null),
    subDistrictId: z.string().trim().min(1, `${E}.subDistrict`).max(40),
    employees: wholeNumber,
    revenueWan: wholeNumber,
    totalAssetsWan: wholeNumber,
    hadBankLoan: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,32}$/, `${E}.username`),
    password: z.string().min(1).max(256),
    confirmPassword: z.string().max(256),
    commitment: z.literal("on", { errorMap: () => ({ message: `${E}.commitment` }) }),
    invitationCode: z.string().max(64).optional(),
  })
  .superRefine((data, ctx) => {
    if (!sizeRuleSetFor(data.sectionCode, data.divisionCode)) {
      ctx.addIssue({ code: "custom", path: ["divisionCode"], message: `${E}.divisionRequired` });
    }
    const problem = passwordProblem(data.password, data.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_KEYS[problem] });
    else if (data.password !== data.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: `${E}.passwordMismatch` });
    }
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (actor) throw redirect(homePathFor(actor.role));
  const params = new URL(request.url).searchParams;
  // an office's invitation link prefills the sub-district and, when given, the USCC
  const invite = await invitationPrefill(params.get("invite"));
  const uscc = (params.get("uscc") ?? invite?.uscc ?? "").slice(0, 64);
  const [subDistricts, settings, lookup] = await Promise.all([
    listActiveSubDistricts(),
    getSettings(),
    uscc ? lookupRegistry(uscc) : Promise.resolve(null),
  ]);
  const lookupError =
    lookup && !lookup.ok
      ? {
          key:
            lookup.error === "INVALID_USCC"
              ? (USCC_PROBLEM_KEYS[lookup.problem ?? ""] ?? LOOKUP_ERROR_KEYS.INVALID_USCC)
              : LOOKUP_ERROR_KEYS[lookup.error],
          params: { status: lookup.status ?? "" },
        }
      : null;
  return {
    uscc,
    registry: lookup?.ok ? lookup.registry : null,
    lookupError,
    subDistricts,
    commitmentVersion: settings["commitment.version"],
    invite: invite && { code: invite.code, subDistrictId: invite.subDistrictId },
    inviteInvalid: params.has("invite") && !invite,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (await getActor(request)) return redirect("/");
  const form = await readForm(request);
  const parsed = parseForm(registrationSchema, form);
  if (!parsed.ok)
    return badRequest({
      errors: parsed.errors,
      values: parsed.values,
      formError: null as FieldErrors[string] | null,
    });
  const result = await registerEnterprise(parsed.data);
  if (!result.ok) {
    const values = Object.fromEntries(
      [...form.entries()]
        .filter(([k]) => !k.toLowerCase().includes("password"))
        .map(([k, v]) => [k, String(v).slice(0, 200)]),
    );
    const errors: FieldErrors = {};
    let formError: FieldErrors[string] | null = null;
    if (result.error === "USERNAME_TAKEN") errors.username = { key: `${E}.usernameTaken` };
    else if (result.error === "NEEDS_DIVISION") errors.divisionCode = { key: `${E}.divisionRequired` };
    else if (result.error === "UNKNOWN_SUB_DISTRICT") errors.subDistrictId = { key: `${E}.subDistrict` };
    else formError = { key: LOOKUP_ERROR_KEYS[result.error], params: { status: result.status ?? "" } };
    return badRequest({ errors, values, formError });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.userId, { ip: clientIpOf(context) }));
  headers.append(
    "Set-Cookie",
    await flashHeader({
      kind: "success",
      key: result.creditFetched ? "enterprise.register.registered" : "enterprise.register.registeredNoCredit",
    }),
  );
  return redirect("/enterprise", { headers });
}

function sizeFor(values: {
  section: string;
  division: string;
  employees: string;
  revenue: string;
  assets: string;
}): EnterpriseSize | null {
  const ruleSet = sizeRuleSetFor(values.section as SectionCode, values.division || null);
  const numbers = [values.employees, values.revenue, values.assets].map((v) =>
    /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN,
  );
  if (!ruleSet || numbers.some(Number.isNaN)) return null;
  return classifyEnterprise({
    ruleSet,
    employees: numbers[0],
    revenueWan: numbers[1],
    assetsWan: numbers[2],
  });
}

export default function Register() {
  const { uscc, registry, lookupError, subDistricts, commitmentVersion, invite, inviteInvalid } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const [firm, setFirm] = useState({
    section: values.sectionCode ?? "",
    division: values.divisionCode ?? "",
    employees: values.employees ?? "",
    revenue: values.revenueWan ?? "",
    assets: values.totalAssetsWan ?? "",
  });
  const divisions = firm.section ? sizeDivisionOptions(firm.section as SectionCode) : [];
  const size = sizeFor(firm);
  const set = (key: keyof typeof firm) => (event: { target: { value: string } }) =>
    setFirm((prev) => ({
      ...prev,
      [key]: event.target.value,
      ...(key === "section" ? { division: "" } : {}),
    }));
  const text = (name: string, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={name} label={label} error={errors[name]} hint={hint}>
      <input
        {...fieldAria(name, errors[name], Boolean(hint))}
        name={name}
        defaultValue={values[name] ?? ""}
        className={inputClass}
        {...props}
      />
    </Field>
  );

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("enterprise.register.title")} description={t("enterprise.register.intro")} />
      <InvitationNote invited={Boolean(invite)} invalid={inviteInvalid} />
      <Card title={t("enterprise.register.step1")}>
        <Form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
          {invite && <input type="hidden" name="invite" value={invite.code} />}
          <div className="flex-1">
            <Field
              id="lookup-uscc"
              label={t("enterprise.register.uscc")}
              hint={lookupError ? undefined : t("enterprise.register.usccHint")}
              error={lookupError ?? undefined}
            >
              <input
                {...fieldAria("lookup-uscc", lookupError ?? undefined, !lookupError)}
                name="uscc"
                defaultValue={uscc}
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} font-mono uppercase`}
                required
              />
            </Field>
          </div>
          <SubmitButton
            variant={registry ? "secondary" : "primary"}
            pendingLabel={t("enterprise.register.lookingUp")}
          >
            {registry ? t("enterprise.register.changeUscc") : t("enterprise.register.lookup")}
          </SubmitButton>
        </Form>
      </Card>

      {registry && (
        <Form
          method="post"
          action={`/register?${new URLSearchParams({ uscc: registry.uscc, ...(invite ? { invite: invite.code } : {}) })}`}
          className="flex flex-col gap-6"
          noValidate
        >
          <input type="hidden" name="uscc" value={registry.uscc} />
          {invite && <input type="hidden" name="invitationCode" value={invite.code} />}
          {actionData?.formError && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            >
              {td(actionData.formError.key, actionData.formError.params)}
            </p>
          )}
          <Card title={t("enterprise.register.step2")}>
            <h3 className="font-semibold">{t("enterprise.register.registryTitle")}</h3>
            <dl
              className="mt-3 grid gap-3 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-2"
              data-testid="registry"
            >
              <div>
                <dt className="text-slate-500">{t("enterprise.register.name")}</dt>
                <dd className="font-medium">{registry.name}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("enterprise.register.uscc")}</dt>
                <dd className="font-mono">{registry.uscc}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("enterprise.register.legalRepresentative")}</dt>
                <dd>{registry.legalRepresentative}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("enterprise.register.establishedOn")}</dt>
                <dd>{formatDay(registry.establishedOn, locale)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("enterprise.register.registeredCapital")}</dt>
                <dd>
                  {t("enterprise.register.registeredCapitalValue", { amount: registry.registeredCapital })}
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-500">{t("enterprise.register.address")}</dt>
                <dd>{registry.address}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-500">{t("enterprise.register.registryNote")}</p>

            <h3 className="mt-6 font-semibold">{t("enterprise.register.firmTitle")}</h3>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              {text("contactName", t("enterprise.register.contactName"), {
                maxLength: 40,
                autoComplete: "name",
                required: true,
              })}
              {text("contactMobile", t("enterprise.register.contactMobile"), {
                maxLength: 11,
                inputMode: "numeric",
                autoComplete: "tel",
                required: true,
              })}
              <Field id="sectionCode" label={t("enterprise.register.section")} error={errors.sectionCode}>
                <select
                  {...fieldAria("sectionCode", errors.sectionCode)}
                  name="sectionCode"
                  value={firm.section}
                  onChange={set("section")}
                  className={inputClass}
                  required
                >
                  <option value="">{t("enterprise.register.chooseSection")}</option>
                  {SECTIONS.map((s) => (
                    <option
                      key={s.code}
                      value={s.code}
                    >{`${s.code} ${locale === "zh-CN" ? s.zh : s.en}`}</option>
                  ))}
                </select>
              </Field>
              {divisions.length > 0 && (
                <Field
                  id="divisionCode"
                  label={t("enterprise.register.division")}
                  error={errors.divisionCode}
                  hint={t("enterprise.register.divisionHint")}
                >
                  <select
                    {...fieldAria("divisionCode", errors.divisionCode, true)}
                    name="divisionCode"
                    value={firm.division}
                    onChange={set("division")}
                    className={inputClass}
                    required
                  >
                    <option value="">{t("enterprise.register.chooseDivision")}</option>
                    {divisions.map((d) => (
                      <option
                        key={d.code}
                        value={d.code}
                      >{`${d.code} ${locale === "zh-CN" ? d.zh : d.en}`}</option>
                    ))}
                  </select>
                </Field>
              )}
              <Field
                id="subDistrictId"
                label={t("enterprise.register.subDistrict")}
                error={errors.subDistrictId}
              >
                <select
                  {...fieldAria("subDistrictId", errors.subDistrictId)}
                  name="subDistrictId"
                  defaultValue={values.subDistrictId ?? invite?.subDistrictId ?? ""}
                  className={inputClass}
                  required
                >
                  <option value="">{t("enterprise.register.chooseSubDistrict")}</option>
                  {subDistricts.map((s) => (
                    <option key={s.id} value={s.id}>
                      {locale === "zh-CN" ? s.name : s.nameEn}
                    </option>
                  ))}
                </select>
              </Field>
              {text("employees", t("enterprise.register.employees"), {
                inputMode: "numeric",
                maxLength: 9,
                onChange: set("employees"),
                required: true,
              })}
              {text("revenueWan", t("enterprise.register.revenue"), {
                inputMode: "numeric",
                maxLength: 9,
                onChange: set("revenue"),
                required: true,
              })}
              {text("totalAssetsWan", t("enterprise.register.assets"), {
                inputMode: "numeric",
                maxLength: 9,
                onChange: set("assets"),
                required: true,
              })}
            </div>
            <div className="mt-4 flex items-start gap-2">
              <input
                id="hadBankLoan"
                name="hadBankLoan"
                type="checkbox"
                defaultChecked={values.hadBankLoan === "on"}
                aria-describedby="hadBankLoan-hint"
                className="mt-1 size-4"
              />
              <div>
                <label htmlFor="hadBankLoan" className="text-sm font-medium">
                  {t("enterprise.register.hadBankLoan")}
                </label>
                <p id="hadBankLoan-hint" className="text-xs text-slate-500">
                  {t("enterprise.register.hadBankLoanHint")}
                </p>
              </div>
            </div>
            <div className="mt-4 rounded-md bg-brand-50 p-4" aria-live="polite" data-testid="size-preview">
              <p className="text-sm font-medium text-slate-700">{t("enterprise.register.sizeTitle")}</p>
              <p className="mt-1 text-lg font-semibold">
                {size ? (
                  t("enterprise.register.sizeValue", { size: td(`domain.size.${size}`) })
                ) : (
                  <span className="text-base font-normal text-slate-600">
                    {t("enterprise.register.sizeUnknown")}
                  </span>
                )}
              </p>
              {size === "LARGE" && (
                <p className="mt-1 text-sm text-amber-800">{t("enterprise.register.sizeLargeNote")}</p>
              )}
            </div>
          </Card>

          <Card title={t("enterprise.register.accountTitle")}>
            <div className="grid gap-4 sm:grid-cols-2">
              {text(
                "username",
                t("enterprise.register.username"),
                { maxLength: 32, autoComplete: "username", required: true },
                t("enterprise.register.usernameHint"),
              )}
              <div className="hidden sm:block" />
              <Field
                id="password"
                label={t("enterprise.register.password")}
                error={errors.password}
                hint={t("enterprise.register.passwordHint")}
              >
                <input
                  {...fieldAria("password", errors.password, true)}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  maxLength={256}
                  className={inputClass}
                  required
                />
              </Field>
              <Field
                id="confirmPassword"
                label={t("enterprise.register.confirmPassword")}
                error={errors.confirmPassword}
              >
                <input
                  {...fieldAria("confirmPassword", errors.confirmPassword)}
                  name="confirmPassword"
                  type="password"
                  autoComplete="new-password"
                  maxLength={256}
                  className={inputClass}
                  required
                />
              </Field>
            </div>
          </Card>

          <Card
            title={t("enterprise.register.commitmentTitle")}
            actions={
              <Badge>{t("enterprise.register.commitmentVersion", { version: commitmentVersion })}</Badge>
            }
          >
            <div
              className="rounded-md bg-slate-50 p-4 text-sm leading-relaxed text-slate-700"
              data-testid="commitment-text"
            >
              <p className="text-center font-semibold">{t("enterprise.commitment.heading")}</p>
              <p className="mt-2">{t("enterprise.commitment.body1")}</p>
              {(["item1", "item2", "item3", "item4", "item5"] as const).map((item) => (
                <p key={item} className="mt-2">
                  {t(`enterprise.commitment.${item}`)}
                </p>
              ))}
              <p className="mt-2">{t("enterprise.commitment.body2")}</p>
            </div>
            <div className="mt-4 flex items-start gap-2">
              <input
                id="commitment"
                name="commitment"
                type="checkbox"
                className="mt-1 size-4"
                aria-invalid={errors.commitment ? true : undefined}
                aria-describedby={errors.commitment ? "commitment-error" : undefined}
              />
              <label htmlFor="commitment" className="text-sm font-medium">
                {t("enterprise.register.commitmentAccept")}
              </label>
            </div>
            {errors.commitment && (
              <p id="commitment-error" role="alert" className="mt-1 text-sm text-red-700">
                {td(errors.commitment.key)}
              </p>
            )}
          </Card>
          <div className="flex flex-wrap justify-end gap-3">
            <Link to="/register" className={buttonClass("secondary")}>
              {t("common.actions.cancel")}
            </Link>
            <SubmitButton pendingLabel={t("enterprise.register.submitting")}>
              {t("enterprise.register.submit")}
            </SubmitButton>
          </div>
        </Form>
      )}
    </div>
  );
}
