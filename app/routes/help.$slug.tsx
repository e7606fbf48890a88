import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Badge, Card, PageHeader } from "~/components/ui";
import { getLocale } from "~/i18n/locale.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { getGuide } from "~/models/help.server";
import { getActor } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

/** One guide of the help centre, in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [locale, actor] = await Promise.all([getLocale(request), getActor(request)]);
  const guide = getGuide(locale, params.slug ?? "", actor?.role ?? null);
  if (!guide) notFound();
  return { guide };
}

export default function HelpGuide() {
  const { guide } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <Link to="/help" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("outreach.help.title")}
      </Link>
      <PageHeader title={guide.title} description={guide.summary} />
      <p className="-mt-4 flex flex-wrap gap-2">
        {guide.roles.map((role) => (
          <Badge key={role} tone="blue">
            {td(`common.roles.${role}`)}
          </Badge>
        ))}
      </p>
      <Card>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: guide.html }} />
      </Card>
      <p className="text-sm text-slate-600">
        {t("outreach.help.notFound")}{" "}
        <Link to="/help#faq" className="font-medium text-brand-700 hover:underline">
          {t("outreach.help.faq")}
        </Link>
      </p>
    </article>
  );
}
