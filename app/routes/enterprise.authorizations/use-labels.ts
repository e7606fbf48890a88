import { useLocale, useT } from "~/i18n/use-t";

/** A bank's name in the reader's language; no bank means a grant to all banks. */
export function useBankName() {
  const t = useT();
  const locale = useLocale();
  return (bank: { name: string; nameEn: string } | null) =>
    bank ? (locale === "zh-CN" ? bank.name : bank.nameEn) : t("enterprise.authorizations.allBanks");
}

/** Where an authorisation came from: an application (by its number) or a grant by hand. */
export function useOrigin() {
  const t = useT();
  return (a: { origin: string; application: { number: string } | null }) =>
    a.origin === "APPLICATION"
      ? t("enterprise.authorizations.origin.APPLICATION", { number: a.application?.number ?? "" })
      : t("enterprise.authorizations.origin.MANUAL");
}
