import { useT, useTDynamic } from "~/i18n/use-t";

import { Badge } from "./ui";

/** A match score with its strongest reasons (app/domain/matching.ts). */
export function MatchReasons({
  score,
  reasons,
}: {
  score: number;
  reasons: { key: string; params?: Record<string, string | number> }[];
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="flex flex-col gap-1">
      <p title={t("matching.scoreHelp")}>
        <Badge tone={score >= 75 ? "green" : score >= 50 ? "blue" : "gray"}>
          {t("matching.score", { score })}
        </Badge>
      </p>
      <ul className="list-inside list-disc text-xs text-slate-600">
        {reasons.map((reason) => (
          <li key={reason.key}>{td(reason.key, reason.params)}</li>
        ))}
      </ul>
    </div>
  );
}
