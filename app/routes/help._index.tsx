import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { Badge, Card, EmptyState, PageHeader, SubmitButton, inputClass } from "~/components/ui";
import { getLocale } from "~/i18n/locale.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { HELP_ROLES, faqHtml, listGuides, searchGuides } from "~/models/help.server";
import { dismissTour } from "~/models/tour.server";
import { getActor, requireUser } from "~/permissions.server";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

/** 帮助中心: the guides by role (the reader's first), a search, and the FAQ. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, actor] = await Promise.all([getLocale(request), getActor(request)]);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const guides = listGuides(locale);
  const roles = actor ? [actor.role, ...HELP_ROLES.filter((role) => role !== actor.role)] : [...HELP_ROLES];
  return {
    q,
    results: q ? searchGuides(locale, q) : null,
    sections: roles.map((role) => ({ role, guides: guides.filter((guide) => guide.roles.includes(role)) })),
    faq: faqHtml(locale, actor?.role ?? null),
  };
}

/** Dismisses the first-visit tour for good (the tour's button posts here). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") !== "dismissTour") return badRequest({ error: "unknown intent" });
  await dismissTour(actor);
  return redirect(safeRedirectPath(form.get("redirectTo"), "/help"));
}

export default function Help() {
  const { q, results, sections, faq } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader title={t("outreach.help.title")} description={t("outreach.help.intro")} />
      <Form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="help-q" className="text-sm font-medium text-slate-800">
            {t("outreach.help.search")}
          </label>
          <input
            id="help-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder={t("outreach.help.searchPlaceholder")}
            className={`${inputClass} mt-1`}
          />
        </div>
        <SubmitButton variant="secondary">{t("outreach.help.searchButton")}</SubmitButton>
      </Form>
      {results && (
        <Card title={t("outreach.help.results", { count: results.length, q })}>
          {results.length === 0 ? (
            <EmptyState title={t("outreach.help.noResults")} hint={t("outreach.help.noResultsHint")} />
          ) : (
            <ul className="divide-y divide-slate-200">
              {results.map((hit) => (
                <li key={hit.slug} className="py-3">
                  <Link to={`/help/${hit.slug}`} className="font-medium text-brand-700 hover:underline">
                    {hit.title}
                  </Link>
                  <p className="text-sm text-slate-600">{hit.snippet}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        {sections.map((section) => (
          <Card key={section.role} title={td(`outreach.help.forRole.${section.role}`)}>
            <ol className="flex flex-col gap-3">
              {section.guides.map((guide) => (
                <li key={guide.slug}>
                  <Link to={`/help/${guide.slug}`} className="font-medium text-brand-700 hover:underline">
                    {guide.title}
                  </Link>
                  <p className="text-sm text-slate-600">{guide.summary}</p>
                </li>
              ))}
            </ol>
          </Card>
        ))}
      </div>
      <Card title={<span id="faq">{t("outreach.help.faq")}</span>}>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: faq }} />
      </Card>
      <p className="text-sm text-slate-600">
        <Badge>{t("outreach.help.contactTitle")}</Badge> {t("outreach.help.contact")}
      </p>
    </div>
  );
}
