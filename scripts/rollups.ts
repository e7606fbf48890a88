// `npm run rollups:rebuild`: replaces the indicator rollups with a recomputation from the base
// tables (after a raw load or a repair), recomputes the government queues' stored fields and
// brings the indicators' day table up to date (decision 026). `tsx scripts/rollups.ts days`: the
// day table alone (the test template gets it, so that each test's first report need not build it). `npm run rollups:verify`: recomputes them and lists every
// slot that differs from the table; exit 1 on a difference. docs/decisions/020-indicator-rollups.md
import { db } from "../app/db.server";
import { rebuildGovQueues } from "../app/models/gov-queues.server";
import { ensureIndicatorDays } from "../app/models/indicator-days.server";
import { rebuildRollups, verifyRollups } from "../app/models/indicator-rollup.server";

const command = process.argv[2];

async function indicatorDays() {
  const rebuilt = await ensureIndicatorDays();
  console.log(`✓ indicator day table ${rebuilt ? "rebuilt" : "up to date"} (${seconds()} s)`);
}
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

try {
  if (command === "rebuild") {
    const firms = await db.enterprise.count();
    const { slots } = await rebuildRollups(db, {
      progress: (done) => {
        if (done % 10_000 < 1_000 || done === firms)
          console.log(`  ${done.toLocaleString("en")}/${firms.toLocaleString("en")} firms (${seconds()} s)`);
      },
    });
    console.log(`✓ indicator rollups rebuilt: ${slots} slots (${seconds()} s)`);
    // the government queues' stored fields too (gov-queues.server.ts): both follow a raw load
    console.log(`✓ government queues: ${JSON.stringify(await rebuildGovQueues(db))} (${seconds()} s)`);
    await indicatorDays();
  } else if (command === "days") {
    await indicatorDays();
  } else if (command === "verify") {
    const { slots, problems } = await verifyRollups(db);
    if (problems.length === 0) {
      console.log(`✓ indicator rollups match the base tables: ${slots} slots (${seconds()} s)`);
    } else {
      console.error(`✗ ${problems.length} of ${slots} rollup slots differ from the base tables:`);
      for (const problem of problems.slice(0, 50)) {
        const show = (row: typeof problem.expected) =>
          row
            ? `n=${row.n} amount=${row.amountYuan} amountRate=${row.amountRate} credit=${row.creditYuan} inclusive=${row.inclusiveYuan} firsts=${row.firstLoans}`
            : "absent";
        console.error(`  ${problem.slot}: expected ${show(problem.expected)}, table ${show(problem.actual)}`);
      }
      if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
      console.error("  `npm run rollups:rebuild` replaces them with the recomputation.");
      process.exitCode = 1;
    }
  } else {
    console.error("usage: tsx scripts/rollups.ts rebuild|verify|days");
    process.exitCode = 2;
  }
} finally {
  await db.$disconnect();
}
