import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Badge, PageHeader } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";
import { ENTRY_STATUSES } from "~/models/gov-codes";
import { requireGovUser } from "~/permissions.server";

import { ENTRY_TONES, EntriesTable } from "./entries-table";
import { whitelistPage } from "./queries.server";
import { WhitelistFilters } from "./whitelist-filters";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return { role: actor.role, ...(await whitelistPage(actor, new URL(request.url).searchParams)) };
}

export default function GovWhitelist() {
  const { role, entries, total, batches, counts, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.whitelist.title")}
        description={t("gov.whitelist.intro")}
        actions={
          <span className="flex flex-wrap gap-2">
            {ENTRY_STATUSES.map((status) => (
              <Badge key={status} tone={ENTRY_TONES[status]}>
                {td(`gov.entryStatus.${status}`)} {counts[status] ?? 0}
              </Badge>
            ))}
          </span>
        }
      />
      <WhitelistFilters batches={batches} />
      <EntriesTable role={role} entries={entries} page={page} total={total} />
    </div>
  );
}
