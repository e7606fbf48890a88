import { CheckboxField, NewPasswordField, TextField } from "~/components/form-kit";
import { Badge, Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/** Step 3 and 4 of the registration: the account, and the signed 信用承诺书. */
export function AccountAndCommitment({ commitmentVersion }: { commitmentVersion: string }) {
  const t = useT();
  return (
    <>
      <Card title={t("enterprise.register.accountTitle")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="username"
            label={t("enterprise.register.username")}
            hint={t("enterprise.register.usernameHint")}
            maxLength={32}
            autoComplete="username"
            required
          />
          <div className="hidden sm:block" />
          <NewPasswordField
            name="password"
            label={t("enterprise.register.password")}
            hint={t("enterprise.register.passwordHint")}
            required
          />
          <NewPasswordField
            name="confirmPassword"
            label={t("enterprise.register.confirmPassword")}
            required
          />
        </div>
      </Card>

      <Card
        title={t("enterprise.register.commitmentTitle")}
        actions={<Badge>{t("enterprise.register.commitmentVersion", { version: commitmentVersion })}</Badge>}
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
        <CheckboxField name="commitment" label={t("enterprise.register.commitmentAccept")} className="mt-4" />
      </Card>
    </>
  );
}
