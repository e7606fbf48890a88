import { useLocale } from "~/i18n/use-t";

/** An organisation's name in the reader's language ("" for none). */
export function useOrgName() {
  const locale = useLocale();
  return (org: { name: string; nameEn: string } | null) =>
    org ? (locale === "en" ? org.nameEn : org.name) : "";
}
