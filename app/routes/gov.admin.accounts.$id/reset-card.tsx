import { NewPasswordField, PostForm } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

/** Reset the account's password: to one the bureau types, or to a generated one shown once. */
export function ResetCard({ errors }: { errors: FieldErrors }) {
  const t = useT();
  return (
    <Card title={t("gov.admin.accounts.resetTitle")}>
      <PostForm result={{ errors }} alert={false} className="flex flex-col gap-4" autoComplete="off">
        <NewPasswordField
          name="password"
          label={t("gov.admin.accounts.password")}
          hint={t("gov.admin.passwordHint")}
        />
        <p className="text-sm text-slate-600">{t("gov.admin.accounts.resetNote")}</p>
        <div>
          <SubmitButton name="intent" value="reset">
            {t("gov.admin.accounts.reset")}
          </SubmitButton>
        </div>
      </PostForm>
    </Card>
  );
}
