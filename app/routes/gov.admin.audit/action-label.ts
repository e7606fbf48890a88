import { hasMessage } from "~/i18n/translate";
import { useLocale, useTDynamic } from "~/i18n/use-t";

/** The name of an audit action in the user's language, or its code when it has none. */
export function useActionLabel() {
  const td = useTDynamic();
  const locale = useLocale();
  return (code: string) => (hasMessage(locale, `audit.actions.${code}`) ? td(`audit.actions.${code}`) : code);
}
