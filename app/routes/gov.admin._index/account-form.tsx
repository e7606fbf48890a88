import type { SerializeFrom } from "@remix-run/node";

import {
  NewPasswordField,
  PostForm,
  SelectField,
  TextField,
  type AnyFormResult,
} from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { SubmitButton } from "~/components/ui";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { MANAGED_ROLES } from "~/models/gov-codes";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The bureau's new-account form: a bank's or an office's user, a password typed or generated. */
export function AccountForm({
  result,
  banks,
  subDistricts,
}: {
  result: AnyFormResult;
  banks: Data["banks"];
  subDistricts: Data["subDistricts"];
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const named = (o: { id: string; name: string; nameEn: string }) => ({
    value: o.id,
    label: locale === "zh-CN" ? o.name : o.nameEn,
  });
  return (
    <PostForm result={result} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" autoComplete="off">
      <TextField
        name="username"
        label={t("gov.admin.accounts.username")}
        hint={t("gov.admin.accounts.usernameHint")}
        maxLength={32}
        required
      />
      <TextField name="displayName" label={t("gov.admin.accounts.displayName")} maxLength={40} required />
      <SelectField
        name="role"
        label={t("gov.admin.accounts.role")}
        defaultValue="BANK"
        options={optionsOf(MANAGED_ROLES, (r) => td(`common.roles.${r}`))}
      />
      <SelectField
        name="bankId"
        label={t("gov.admin.accounts.bank")}
        hint={t("gov.admin.accounts.bankHint")}
        placeholder={t("gov.common.none")}
        options={banks.map(named)}
      />
      <SelectField
        name="subDistrictId"
        label={t("gov.admin.accounts.subDistrict")}
        hint={t("gov.admin.accounts.subDistrictHint")}
        placeholder={t("gov.common.none")}
        options={subDistricts.map(named)}
      />
      <TextField name="mobile" label={t("gov.admin.accounts.mobile")} inputMode="tel" maxLength={11} />
      <NewPasswordField
        name="password"
        label={t("gov.admin.accounts.password")}
        hint={t("gov.admin.passwordHint")}
      />
      <div className="flex items-end">
        <SubmitButton pendingLabel={t("common.actions.saving")}>
          {t("gov.admin.accounts.create")}
        </SubmitButton>
      </div>
    </PostForm>
  );
}
