/**
 * How each page grows from a district to a city (issue 15): reads the JSON lines of two runs of
 * the pages section — T1 (`npm run bench -- --tier=T1 --only=pages`) and T2 — and prints, per page,
 * p95 at T1, at T2, the ratio (target ≤ 2×), and a projection to T3 (a million firms, ten times
 * T2 as T2 is ten times T1): p95 at T2 × the measured ratio, i.e. the same growth per tenfold
 * again, never less than T2's (a ratio under 1 is noise, not pages that get faster) — a
 * projection from two points, not a measurement.
 *
 *   npx tsx bench/growth.ts t1.log t2.log
 */
import { readFileSync } from "node:fs";

export interface PageGrowth {
  page: string;
  t1: number;
  t2: number;
  ratio: number;
  t3: number;
}

/** The `page.<role>.<path>.p95` figures of a bench output (one JSON object per line; other lines ignored). */
export function pageP95s(output: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const row = JSON.parse(line) as { name: string; value: number };
    const match = /^page\.(.+)\.p95$/.exec(row.name);
    if (match) figures.set(match[1], row.value);
  }
  return figures;
}

/** Pages measured at both tiers, the fastest-growing first. */
export function growth(t1: Map<string, number>, t2: Map<string, number>): PageGrowth[] {
  const rows: PageGrowth[] = [];
  for (const [page, atT2] of t2) {
    const atT1 = t1.get(page);
    if (atT1 === undefined || atT1 <= 0) continue;
    const ratio = atT2 / atT1;
    rows.push({ page, t1: atT1, t2: atT2, ratio, t3: atT2 * Math.max(ratio, 1) });
  }
  return rows.sort((a, b) => b.ratio - a.ratio);
}

if (process.argv[1]?.endsWith("growth.ts")) {
  const [t1File, t2File] = process.argv.slice(2);
  if (!t1File || !t2File) throw new Error("usage: npx tsx bench/growth.ts t1.log t2.log");
  const rows = growth(pageP95s(readFileSync(t1File, "utf8")), pageP95s(readFileSync(t2File, "utf8")));
  const fixed = (n: number) => n.toFixed(1);
  for (const row of rows) {
    console.log(
      JSON.stringify({
        name: `growth.${row.page}`,
        value: Number(row.ratio.toFixed(2)),
        unit: "×",
        t1: row.t1,
        t2: row.t2,
      }),
    );
  }
  console.log("\npage | p95 T1 ms | p95 T2 ms | T2 ÷ T1 | ≤ 2× | T3 projected ms");
  for (const row of rows) {
    console.log(
      `${row.page} | ${fixed(row.t1)} | ${fixed(row.t2)} | ${row.ratio.toFixed(2)} | ${row.ratio <= 2 ? "pass" : "MISS"} | ${fixed(row.t3)}`,
    );
  }
  const within = rows.filter((row) => row.ratio <= 2).length;
  console.log(`\n${within} of ${rows.length} pages grow ≤ 2× from T1 to T2`);
}
