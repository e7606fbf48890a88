// `npm run test:durability [-- --rounds N] [-- --seed S]`: kill -9 rounds against the production
// build (tests/durability/crash-rounds.js). Prints one line per round and a RELIABILITY line;
// exits non-zero when an acknowledged write was lost or the database failed its check.
import { parseArgs } from "node:util";

import { runCrashRounds } from "./crash-rounds.js";

const { values } = parseArgs({ options: { rounds: { type: "string" }, seed: { type: "string" } } });
const rounds = Number(values.rounds ?? 20);
const seed = values.seed === undefined ? undefined : Number(values.seed);
const started = Date.now();

console.log(`» ${rounds} kill -9 rounds against node server.js`);
const totals = await runCrashRounds({
  rounds,
  seed,
  webhooks: true,
  onRound(r) {
    const kinds = r.lost > 0 ? ` missing: ${JSON.stringify(r.missing)}` : "";
    console.log(
      `  round ${String(r.round).padStart(2)}/${rounds}: ${r.acknowledged} acknowledged, ${r.lost} lost, ` +
        `integrity ${r.integrity}, ${r.serverErrors} server errors${kinds}`,
    );
    if (r.log) console.log(r.log);
  },
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `  seed ${totals.seed}; acknowledged writes by kind: ${JSON.stringify(totals.byKind)}; ${seconds} s`,
);
console.log(
  `RELIABILITY kill_rounds=${totals.rounds} acknowledged_writes=${totals.acknowledged} ` +
    `acknowledged_writes_lost=${totals.lost} integrity_failures=${totals.integrityFailures} ` +
    `webhook_events=${totals.hooks.events} webhook_events_lost=${totals.hooks.lost} ` +
    `webhook_posts=${totals.hooks.received} webhook_pending=${totals.hooks.pending ?? 0}`,
);
const ok =
  totals.lost === 0 &&
  totals.integrityFailures === 0 &&
  totals.rounds === rounds &&
  totals.hooks.events > 0 &&
  totals.hooks.lost === 0;
console.log(ok ? "✓ no acknowledged write lost, every webhook event delivered" : "✗ durability failed");
process.exit(ok ? 0 : 1);
