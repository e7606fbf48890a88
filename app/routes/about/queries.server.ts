import { shanghaiDate } from "~/domain/shanghai-time";
import { latestPublicNotices } from "~/models/notice.server";
import { participatingBanks } from "~/models/programme.server";
import { getHeadlineTotals } from "~/models/stats.server";

/** The about page: the headline totals, the participating banks and the latest notices (without their bodies). */
export async function aboutPage() {
  const [totals, banks, notices] = await Promise.all([
    getHeadlineTotals(),
    participatingBanks(),
    latestPublicNotices(5),
  ]);
  return {
    totals,
    banks,
    notices: notices.map(({ body: _body, ...notice }) => ({
      ...notice,
      effectiveOn: shanghaiDate(notice.effectiveOn),
    })),
  };
}
