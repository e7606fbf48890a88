/**
 * The baselines: the best SQL we could write by hand for the same answers as the app's data
 * functions, run through the raw driver (no Prisma). SQLite's dialect; bench/baseline-postgres.ts
 * is its PostgreSQL twin (same answers, same roll-up).
 */
import type { BenchDriver } from "./driver";
import { sqliteInstant as at } from "./driver";

export interface CandidateCase {
  bankId: string;
  now: Date;
  section?: string;
  size?: string;
  page: number;
  pageSize: number;
  cap: number;
}

/** The candidate page: capped count, the page's firms with their grants, demands and summaries. */
export async function rawCandidates(driver: BenchDriver, c: CandidateCase) {
  const now = at(c.now);
  const conditions = [
    `EXISTS (SELECT 1 FROM "Authorization" a WHERE a.enterpriseId = e.id AND a.revokedAt IS NULL AND a.expiresAt > ? AND (a.bankId = ? OR a.bankId IS NULL))`,
  ];
  const params: (string | number)[] = [now, c.bankId];
  if (c.section) {
    conditions.push(`e.sectionCode = ?`);
    params.push(c.section);
  }
  if (c.size) {
    conditions.push(`e.size = ?`);
    params.push(c.size);
  }
  const where = conditions.join(" AND ");
  const [[counted], page] = await Promise.all([
    driver.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Enterprise" e WHERE ${where} LIMIT ${c.cap + 1})`,
      params,
    ),
    driver.all<{ id: string; subDistrictId: string }>(
      `SELECT e.id, e.uscc, e.name, e.sectionCode, e.divisionCode, e.size, e.whitelistedUntil, e.subDistrictId,
              e.taxGrade, e.publicRating, e.onRedList, e.onDishonestyList
         FROM "Enterprise" e WHERE ${where}
        ORDER BY e.createdAt DESC, e.id ASC LIMIT ? OFFSET ?`,
      [...params, c.pageSize, (c.page - 1) * c.pageSize],
    ),
  ]);
  const ids = page.map((row) => row.id);
  const marks = ids.map(() => "?").join(",");
  const today = at(
    new Date(Math.floor((c.now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000),
  );
  const [grants, demands, subDistricts] = await Promise.all([
    driver.all(
      `SELECT enterpriseId, scope, expiresAt FROM "Authorization"
        WHERE enterpriseId IN (${marks}) AND revokedAt IS NULL AND expiresAt > ? AND (bankId = ? OR bankId IS NULL)`,
      [...ids, now, c.bankId],
    ),
    driver.all(
      `SELECT enterpriseId, MAX(amountYuan) AS maxYuan, COUNT(*) AS n FROM "Demand"
        WHERE enterpriseId IN (${marks}) AND status = 'OPEN' AND validUntil >= ? GROUP BY enterpriseId`,
      [...ids, today],
    ),
    driver.all(`SELECT id, name, nameEn FROM "SubDistrict" WHERE id IN (${marks})`, [
      ...page.map((row) => row.subDistrictId),
    ]),
  ]);
  return { total: Math.min(counted.n, c.cap), ids, grants, demands, subDistricts };
}

/** A figure of one group (total, a month, a sub-district) that the baseline computes. */
export interface BaselineFigures {
  applications: number;
  approved: number;
  rejected: number;
  disbursedCount: number;
  disbursedYuan: number;
  amountRate: bigint;
  creditYuan: number;
  inclusiveYuan: number;
  firstTimeBorrowers: number;
  registeredFirms: number;
  newFirms: number;
  authorisingFirms: number;
  demands: number;
  demandYuan: number;
  whitelistedFirms: number;
  convertedFirms: number;
}

export const blank = (): BaselineFigures => ({
  applications: 0,
  approved: 0,
  rejected: 0,
  disbursedCount: 0,
  disbursedYuan: 0,
  amountRate: 0n,
  creditYuan: 0,
  inclusiveYuan: 0,
  firstTimeBorrowers: 0,
  registeredFirms: 0,
  newFirms: 0,
  authorisingFirms: 0,
  demands: 0,
  demandYuan: 0,
  whitelistedFirms: 0,
  convertedFirms: 0,
});

/** The Shanghai month of a stored instant; parses the text only for the evening (UTC ≥ 16:00) third. */
const month = (column: string) =>
  `CASE WHEN substr(${column}, 12, 2) >= '16' THEN strftime('%Y-%m', ${column}, '+8 hours') ELSE substr(${column}, 1, 7) END`;

/**
 * The bureau's dashboard figures for a period, by hand: each fact table scanned once, grouped by
 * (sub-district, Shanghai month), then rolled up to the totals, the months and the sub-districts.
 * Not computed here (they need the working-day calendar or percentiles): the response SLA, the
 * average response days and time to money — the app does that extra work on top.
 */
export async function rawIndicators(driver: BenchDriver, period: { from: Date; to: Date; stockAt: Date }) {
  const from = at(period.from);
  const to = at(period.to);
  const stockAt = at(period.stockAt);
  const [applications, decisions, loans, firms, authorising, demands, whitelist] = await Promise.all([
    driver.all<{ sd: string; m: string; n: number }>(
      `SELECT e.subDistrictId AS sd, ${month("a.submittedAt")} AS m, COUNT(*) AS n
         FROM "Application" a JOIN "Enterprise" e ON e.id = a.enterpriseId
        WHERE a.submittedAt >= ? AND a.submittedAt < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; approved: number; rejected: number }>(
      `SELECT e.subDistrictId AS sd, ${month("a.decidedAt")} AS m,
              SUM(a.approvedAmountYuan IS NOT NULL) AS approved, SUM(a.approvedAmountYuan IS NULL) AS rejected
         FROM "Application" a JOIN "Enterprise" e ON e.id = a.enterpriseId
        WHERE a.decidedAt >= ? AND a.decidedAt < ? AND (a.approvedAmountYuan IS NOT NULL OR a.state = 'REJECTED')
        GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{
      sd: string;
      m: string;
      n: number;
      amount: number;
      amountRate: number | bigint;
      credit: number;
      inclusive: number;
      firsts: number;
    }>(
      `SELECT e.subDistrictId AS sd, ${month("a.disbursedAt")} AS m, COUNT(*) AS n,
              SUM(a.disbursedAmountYuan) AS amount, SUM(a.disbursedAmountYuan * a.disbursedRateBp) AS amountRate,
              SUM(CASE WHEN p.guaranteeType = 'CREDIT' THEN a.disbursedAmountYuan ELSE 0 END) AS credit,
              SUM(CASE WHEN e.size IN ('MICRO', 'SMALL') THEN a.disbursedAmountYuan ELSE 0 END) AS inclusive,
              SUM(a.firstLoan) AS firsts
         FROM "Application" a JOIN "Enterprise" e ON e.id = a.enterpriseId JOIN "Product" p ON p.id = a.productId
        WHERE a.state = 'DISBURSED' AND a.disbursedAt >= ? AND a.disbursedAt < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; n: number }>(
      `SELECT subDistrictId AS sd, CASE WHEN verifiedAt < ? THEN '' ELSE ${month("verifiedAt")} END AS m, COUNT(*) AS n
         FROM "Enterprise" WHERE verifiedAt < ? GROUP BY 1, 2`,
      [from, stockAt],
    ),
    driver.all<{ sd: string; n: number }>(
      `SELECT e.subDistrictId AS sd, COUNT(*) AS n FROM "Enterprise" e
        WHERE EXISTS (SELECT 1 FROM "Authorization" z WHERE z.enterpriseId = e.id AND z.grantedAt < ?
                        AND z.expiresAt > ? AND (z.revokedAt IS NULL OR z.revokedAt > ?))
        GROUP BY 1`,
      [stockAt, stockAt, stockAt],
    ),
    driver.all<{ sd: string; m: string; n: number; amount: number }>(
      `SELECT e.subDistrictId AS sd, ${month("d.createdAt")} AS m, COUNT(*) AS n, SUM(d.amountYuan) AS amount
         FROM "Demand" d JOIN "Enterprise" e ON e.id = d.enterpriseId
        WHERE d.createdAt >= ? AND d.createdAt < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; whitelisted: number; converted: number }>(
      `SELECT e.subDistrictId AS sd, ${month("w.approvedAt")} AS m, COUNT(DISTINCT w.enterpriseId) AS whitelisted,
              COUNT(DISTINCT CASE WHEN EXISTS (
                  SELECT 1 FROM "Application" a WHERE a.enterpriseId = w.enterpriseId AND a.state = 'DISBURSED'
                     AND a.disbursedAt >= w.approvedAt
                     AND a.disbursedAt <= strftime('%Y-%m-%dT%H:%M:%f+00:00', w.approvedAt, '+90 days'))
                THEN w.enterpriseId END) AS converted
         FROM "WhitelistEntry" w JOIN "Enterprise" e ON e.id = w.enterpriseId
        WHERE w.approvedAt >= ? AND w.approvedAt < ? GROUP BY 1, 2`,
      [from, to],
    ),
  ]);
  return rollUp({ applications, decisions, loans, firms, authorising, demands, whitelist });
}

/** The grouped rows of the fact queries, as both dialects return them. */
export interface FactRows {
  applications: { sd: string; m: string; n: number }[];
  decisions: { sd: string; m: string; approved: number; rejected: number }[];
  loans: {
    sd: string;
    m: string;
    n: number;
    amount: number;
    amountRate: number | bigint | string;
    credit: number;
    inclusive: number;
    firsts: number;
  }[];
  firms: { sd: string; m: string; n: number }[];
  authorising: { sd: string; n: number }[];
  demands: { sd: string; m: string; n: number; amount: number }[];
  whitelist: { sd: string; m: string; whitelisted: number; converted: number }[];
}

/** Rolls the (sub-district, month) groups up to the totals, the months and the sub-districts. */
export function rollUp({ applications, decisions, loans, firms, authorising, demands, whitelist }: FactRows) {
  const totals = blank();
  const months = new Map<string, BaselineFigures>();
  const subDistricts = new Map<string, BaselineFigures>();
  const groups = (sd: string, m: string | null) => {
    const list = [totals];
    if (m) {
      if (!months.has(m)) months.set(m, blank());
      list.push(months.get(m)!);
    }
    if (!subDistricts.has(sd)) subDistricts.set(sd, blank());
    list.push(subDistricts.get(sd)!);
    return list;
  };
  for (const r of applications) for (const g of groups(r.sd, r.m)) g.applications += r.n;
  for (const r of decisions) {
    for (const g of groups(r.sd, r.m)) {
      g.approved += r.approved;
      g.rejected += r.rejected;
    }
  }
  for (const r of loans) {
    for (const g of groups(r.sd, r.m)) {
      g.disbursedCount += r.n;
      g.disbursedYuan += r.amount;
      g.amountRate += BigInt(r.amountRate);
      g.creditYuan += r.credit;
      g.inclusiveYuan += r.inclusive;
      g.firstTimeBorrowers += r.firsts;
    }
  }
  for (const r of firms) {
    // the stock of a month is the firms verified before its end, summed by the caller's months
    for (const g of groups(r.sd, r.m || null)) {
      g.registeredFirms += r.n;
      if (r.m) g.newFirms += r.n;
    }
  }
  for (const r of authorising) for (const g of groups(r.sd, null)) g.authorisingFirms += r.n;
  for (const r of demands) {
    for (const g of groups(r.sd, r.m)) {
      g.demands += r.n;
      g.demandYuan += r.amount;
    }
  }
  for (const r of whitelist) {
    for (const g of groups(r.sd, r.m)) {
      g.whitelistedFirms += r.whitelisted;
      g.convertedFirms += r.converted;
    }
  }
  return { totals, months, subDistricts };
}

/** The loan book at the end of a past day, by sub-district (in fen). */
export interface RawLoanBookRow {
  sd: string;
  n: number;
  outstanding: number | bigint | string;
  overdue: number | bigint | string;
  npl: number | bigint | string;
}

/**
 * The loan book as it stood at the end of a past day (instants: the day's start, the next day's
 * start, the start of the day 91 days before), by sub-district, by hand: every loan disbursed
 * before the day's end with its principal less the principal repaid by then; overdue when a
 * period due before the day was unpaid at its end, non-performing when one due 91 or more days
 * before was, or the bank reports the loan 次级 or worse.
 */
export async function rawLoanBook(driver: BenchDriver, day: { start: Date; end: Date; nplDue: Date }) {
  const [start, end, nplDue] = [at(day.start), at(day.end), at(day.nplDue)];
  return driver.all<RawLoanBookRow>(
    `SELECT b.sd, COUNT(*) AS n, SUM(b.outstanding) AS outstanding,
            SUM(CASE WHEN b.overdue THEN b.outstanding ELSE 0 END) AS overdue,
            SUM(CASE WHEN b.npl THEN b.outstanding ELSE 0 END) AS npl
       FROM (SELECT l.subDistrictId AS sd,
                    l.principalFen - IFNULL((SELECT SUM(r.principalFen) FROM "Repayment" r
                                              WHERE r.loanId = l.id AND r.paidOn < ?), 0) AS outstanding,
                    EXISTS (SELECT 1 FROM "LoanPeriod" q WHERE q.loanId = l.id AND q.dueOn < ?
                               AND (q.paidOffOn IS NULL OR q.paidOffOn >= ?)) AS overdue,
                    l.reportedRiskClass IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')
                      OR EXISTS (SELECT 1 FROM "LoanPeriod" q WHERE q.loanId = l.id AND q.dueOn <= ?
                                    AND (q.paidOffOn IS NULL OR q.paidOffOn >= ?)) AS npl
               FROM "Loan" l WHERE l.disbursedOn < ?) b
      WHERE b.outstanding > 0
      GROUP BY 1`,
    [end, start, end, nplDue, end, end],
  );
}
