import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { MatchReasons } from "~/components/match-reasons";
import { Card, EmptyState } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

/** The firms a published product fits best, each with its score and reasons. */
export function BestCandidates({
  candidates,
}: {
  candidates: NonNullable<SerializeFrom<typeof loader>["candidates"]>;
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card className="mt-6 max-w-4xl" title={t("matching.bestCandidates")}>
      {candidates.length === 0 ? (
        <EmptyState title={t("bank.products.noCandidates")} />
      ) : (
        <ol className="divide-y divide-slate-200" data-testid="best-candidates">
          {candidates.map(({ firm, score, reasons }) => (
            <li key={firm.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div>
                <Link
                  to={`/bank/candidates/${firm.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {firm.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {td(`domain.size.${firm.size}`)}
                  {firm.whitelisted && <> · {t("bank.products.whitelistedFirm")}</>}
                </p>
              </div>
              <MatchReasons score={score} reasons={reasons} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
