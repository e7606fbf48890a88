import { Form, Link, useLocation } from "@remix-run/react";

import type { Role } from "~/models/actor";
import { homePathFor } from "~/models/actor";
import { useTDynamic, useT } from "~/i18n/use-t";

import { SubmitButton } from "./ui";

const STEPS = ["step1", "step2", "step3"] as const;

/**
 * A short first-visit tour on the role's home: three pointers to where the work is, with a link
 * to the role's guides. "Got it" dismisses it for good (stored for the account, so it does not
 * come back on another device).
 */
export function FirstVisitTour({ role }: { role: Role }) {
  const t = useT();
  const td = useTDynamic();
  const location = useLocation();
  if (location.pathname !== homePathFor(role)) return null;
  return (
    <section
      aria-labelledby="tour-title"
      className="mb-6 rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100 sm:p-6"
      data-testid="first-visit-tour"
    >
      <h2 id="tour-title" className="text-lg font-semibold text-brand-900">
        {t("outreach.tour.title")}
      </h2>
      <ol className="mt-3 grid gap-3 md:grid-cols-3">
        {STEPS.map((step, i) => (
          <li key={step} className="rounded-md bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200">
            <p className="font-semibold text-brand-700">
              {i + 1}. {td(`outreach.tour.${role}.${step}Title`)}
            </p>
            <p className="mt-1 text-slate-700">{td(`outreach.tour.${role}.${step}Body`)}</p>
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Form method="post" action="/help?index">
          <input type="hidden" name="intent" value="dismissTour" />
          <input type="hidden" name="redirectTo" value={location.pathname} />
          <SubmitButton pendingLabel={t("common.actions.saving")}>{t("outreach.tour.dismiss")}</SubmitButton>
        </Form>
        <Link to="/help" className="text-sm font-medium text-brand-700 hover:underline">
          {t("outreach.tour.moreHelp")}
        </Link>
      </div>
    </section>
  );
}
