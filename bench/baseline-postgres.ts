/**
 * The baselines on PostgreSQL: the same hand-written answers as bench/baseline-sqlite.ts (read
 * that file for what each computes), in PostgreSQL's SQL, through raw node-postgres (no Prisma).
 * The differences: quoted camelCase columns, timestamp(3) columns holding UTC instants, the
 * Shanghai month by `to_char(… + 8 hours)`, Boolean sums as `COUNT(*) FILTER`, and casts of
 * COUNT/SUM (bigint, numeric) to JavaScript numbers.
 */
import { rollUp, type CandidateCase, type RawLoanBookRow } from "./baseline-sqlite";
import type { BenchDriver } from "./driver";

/** The candidate page: capped count, the page's firms with their grants, demands and summaries. */
export async function rawCandidates(driver: BenchDriver, c: CandidateCase) {
  const conditions = [
    `EXISTS (SELECT 1 FROM "Authorization" a WHERE a."enterpriseId" = e.id AND a."revokedAt" IS NULL AND a."expiresAt" > ? AND (a."bankId" = ? OR a."bankId" IS NULL))`,
  ];
  const params: (string | number | Date)[] = [c.now, c.bankId];
  if (c.section) {
    conditions.push(`e."sectionCode" = ?`);
    params.push(c.section);
  }
  if (c.size) {
    conditions.push(`e.size = ?`);
    params.push(c.size);
  }
  const where = conditions.join(" AND ");
  const [[counted], page] = await Promise.all([
    driver.all<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM "Enterprise" e WHERE ${where} LIMIT ${c.cap + 1}) capped`,
      params,
    ),
    driver.all<{ id: string; subDistrictId: string }>(
      `SELECT e.id, e.uscc, e.name, e."sectionCode", e."divisionCode", e.size, e."whitelistedUntil", e."subDistrictId",
              e."taxGrade", e."publicRating", e."onRedList", e."onDishonestyList"
         FROM "Enterprise" e WHERE ${where}
        ORDER BY e."createdAt" DESC, e.id ASC LIMIT ? OFFSET ?`,
      [...params, c.pageSize, (c.page - 1) * c.pageSize],
    ),
  ]);
  const ids = page.map((row) => row.id);
  const today = new Date(
    Math.floor((c.now.getTime() + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000,
  );
  const [grants, demands, subDistricts] = await Promise.all([
    driver.all(
      `SELECT "enterpriseId", scope, "expiresAt" FROM "Authorization"
        WHERE "enterpriseId" = ANY(?) AND "revokedAt" IS NULL AND "expiresAt" > ? AND ("bankId" = ? OR "bankId" IS NULL)`,
      [ids, c.now, c.bankId],
    ),
    driver.all(
      `SELECT "enterpriseId", MAX("amountYuan") AS "maxYuan", COUNT(*)::int AS n FROM "Demand"
        WHERE "enterpriseId" = ANY(?) AND status = 'OPEN' AND "validUntil" >= ? GROUP BY "enterpriseId"`,
      [ids, today],
    ),
    driver.all(`SELECT id, name, "nameEn" FROM "SubDistrict" WHERE id = ANY(?)`, [
      page.map((row) => row.subDistrictId),
    ]),
  ]);
  return { total: Math.min(counted.n, c.cap), ids, grants, demands, subDistricts };
}

/** The Shanghai month of a stored UTC instant, "YYYY-MM" (as the app's dialect computes it). */
const month = (column: string) => `to_char(${column} + INTERVAL '8 hours', 'YYYY-MM')`;

/**
 * The bureau's dashboard figures for a period, by hand (see baseline-sqlite.ts): each fact table
 * scanned once, grouped by (sub-district, Shanghai month), rolled up to totals, months and
 * sub-districts. Amount sums are float8 (exact below 2^53 yuan); Σ amount × rate is numeric text.
 */
export async function rawIndicators(driver: BenchDriver, period: { from: Date; to: Date; stockAt: Date }) {
  const { from, to, stockAt } = period;
  const [applications, decisions, loans, firms, authorising, demands, whitelist] = await Promise.all([
    driver.all<{ sd: string; m: string; n: number }>(
      `SELECT e."subDistrictId" AS sd, ${month('a."submittedAt"')} AS m, COUNT(*)::int AS n
         FROM "Application" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
        WHERE a."submittedAt" >= ? AND a."submittedAt" < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; approved: number; rejected: number }>(
      `SELECT e."subDistrictId" AS sd, ${month('a."decidedAt"')} AS m,
              (COUNT(*) FILTER (WHERE a."approvedAmountYuan" IS NOT NULL))::int AS approved,
              (COUNT(*) FILTER (WHERE a."approvedAmountYuan" IS NULL))::int AS rejected
         FROM "Application" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
        WHERE a."decidedAt" >= ? AND a."decidedAt" < ? AND (a."approvedAmountYuan" IS NOT NULL OR a.state = 'REJECTED')
        GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{
      sd: string;
      m: string;
      n: number;
      amount: number;
      amountRate: string;
      credit: number;
      inclusive: number;
      firsts: number;
    }>(
      `SELECT e."subDistrictId" AS sd, ${month('a."disbursedAt"')} AS m, COUNT(*)::int AS n,
              SUM(a."disbursedAmountYuan")::float8 AS amount,
              SUM(CAST(a."disbursedAmountYuan" AS BIGINT) * a."disbursedRateBp")::text AS "amountRate",
              SUM(CASE WHEN p."guaranteeType" = 'CREDIT' THEN a."disbursedAmountYuan" ELSE 0 END)::float8 AS credit,
              SUM(CASE WHEN e.size IN ('MICRO', 'SMALL') THEN a."disbursedAmountYuan" ELSE 0 END)::float8 AS inclusive,
              (COUNT(*) FILTER (WHERE a."firstLoan"))::int AS firsts
         FROM "Application" a JOIN "Enterprise" e ON e.id = a."enterpriseId" JOIN "Product" p ON p.id = a."productId"
        WHERE a.state = 'DISBURSED' AND a."disbursedAt" >= ? AND a."disbursedAt" < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; n: number }>(
      `SELECT "subDistrictId" AS sd, CASE WHEN "verifiedAt" < ? THEN '' ELSE ${month('"verifiedAt"')} END AS m,
              COUNT(*)::int AS n
         FROM "Enterprise" WHERE "verifiedAt" < ? GROUP BY 1, 2`,
      [from, stockAt],
    ),
    driver.all<{ sd: string; n: number }>(
      `SELECT e."subDistrictId" AS sd, COUNT(*)::int AS n FROM "Enterprise" e
        WHERE EXISTS (SELECT 1 FROM "Authorization" z WHERE z."enterpriseId" = e.id AND z."grantedAt" < ?
                        AND z."expiresAt" > ? AND (z."revokedAt" IS NULL OR z."revokedAt" > ?))
        GROUP BY 1`,
      [stockAt, stockAt, stockAt],
    ),
    driver.all<{ sd: string; m: string; n: number; amount: number }>(
      `SELECT e."subDistrictId" AS sd, ${month('d."createdAt"')} AS m, COUNT(*)::int AS n,
              SUM(d."amountYuan")::float8 AS amount
         FROM "Demand" d JOIN "Enterprise" e ON e.id = d."enterpriseId"
        WHERE d."createdAt" >= ? AND d."createdAt" < ? GROUP BY 1, 2`,
      [from, to],
    ),
    driver.all<{ sd: string; m: string; whitelisted: number; converted: number }>(
      `SELECT e."subDistrictId" AS sd, ${month('w."approvedAt"')} AS m,
              COUNT(DISTINCT w."enterpriseId")::int AS whitelisted,
              COUNT(DISTINCT CASE WHEN EXISTS (
                  SELECT 1 FROM "Application" a WHERE a."enterpriseId" = w."enterpriseId" AND a.state = 'DISBURSED'
                     AND a."disbursedAt" >= w."approvedAt"
                     AND a."disbursedAt" <= w."approvedAt" + INTERVAL '90 days')
                THEN w."enterpriseId" END)::int AS converted
         FROM "WhitelistEntry" w JOIN "Enterprise" e ON e.id = w."enterpriseId"
        WHERE w."approvedAt" >= ? AND w."approvedAt" < ? GROUP BY 1, 2`,
      [from, to],
    ),
  ]);
  return rollUp({ applications, decisions, loans, firms, authorising, demands, whitelist });
}

/** The loan book at the end of a past day, by sub-district, by hand (see baseline-sqlite.ts). */
export async function rawLoanBook(driver: BenchDriver, day: { start: Date; end: Date; nplDue: Date }) {
  return driver.all<RawLoanBookRow>(
    `SELECT b.sd, COUNT(*)::int AS n, SUM(b.outstanding) AS outstanding,
            SUM(CASE WHEN b.overdue THEN b.outstanding ELSE 0 END) AS overdue,
            SUM(CASE WHEN b.npl THEN b.outstanding ELSE 0 END) AS npl
       FROM (SELECT l."subDistrictId" AS sd,
                    l."principalFen" - COALESCE((SELECT SUM(r."principalFen") FROM "Repayment" r
                                                  WHERE r."loanId" = l.id AND r."paidOn" < ?), 0) AS outstanding,
                    EXISTS (SELECT 1 FROM "LoanPeriod" q WHERE q."loanId" = l.id AND q."dueOn" < ?
                               AND (q."paidOffOn" IS NULL OR q."paidOffOn" >= ?)) AS overdue,
                    l."reportedRiskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')
                      OR EXISTS (SELECT 1 FROM "LoanPeriod" q WHERE q."loanId" = l.id AND q."dueOn" <= ?
                                    AND (q."paidOffOn" IS NULL OR q."paidOffOn" >= ?)) AS npl
               FROM "Loan" l WHERE l."disbursedOn" < ?) b
      WHERE b.outstanding > 0
      GROUP BY 1`,
    [day.end, day.start, day.end, day.nplDue, day.end, day.end],
  );
}
