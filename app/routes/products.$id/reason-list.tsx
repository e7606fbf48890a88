import type { EligibilityReason } from "~/domain/eligibility";
import { useFormatList, useTDynamic } from "~/i18n/use-t";

/** The eligibility rules, each marked met (✓) or not (✗), with sizes named in the reader's language. */
export function ReasonList({ reasons }: { reasons: EligibilityReason[] }) {
  const td = useTDynamic();
  const list = useFormatList();
  const translateParams = (r: EligibilityReason) => {
    const params = { ...(r.params ?? {}) };
    if (r.rule === "size") {
      params.size = td(`domain.size.${String(params.size)}`);
      params.sizes = list(
        String(params.sizes ?? "")
          .split(",")
          .filter(Boolean)
          .map((s) => td(`domain.size.${s}`)),
      );
    }
    return params;
  };
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="eligibility">
      {reasons.map((r) => (
        <li key={r.rule} className={r.ok ? "text-emerald-800" : "text-red-700"}>
          <span aria-hidden="true">{r.ok ? "✓ " : "✗ "}</span>
          {td(r.key, translateParams(r))}
        </li>
      ))}
    </ul>
  );
}
