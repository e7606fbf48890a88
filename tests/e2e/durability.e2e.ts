// No browser: the production server is killed with SIGKILL while signed-in users write to it,
// restarted, and checked (tests/durability/crash-rounds.js). `npm run test:durability` runs
// the same with 20 rounds.
import assert from "node:assert/strict";
import { test } from "node:test";

import { runCrashRounds, type RoundFigures } from "../durability/crash-rounds.js";

test("kill -9 under concurrent writes loses no acknowledged write", { timeout: 180_000 }, async () => {
  const rounds: RoundFigures[] = [];
  const totals = await runCrashRounds({ rounds: 2, onRound: (r) => rounds.push(r) });
  assert.equal(totals.rounds, 2);
  for (const round of rounds) {
    assert.ok(round.acknowledged > 0, `round ${round.round} acknowledged some writes`);
    assert.deepEqual(round.missing, [], `round ${round.round} lost nothing (seed ${totals.seed})`);
    assert.equal(round.integrity, "ok");
    assert.equal(round.serverErrors, 0);
    assert.ok(round.checkerSound, "the checker reports writes that were never made");
  }
  assert.equal(totals.lost, 0);
  assert.equal(totals.journal, "wal", "the database file stays in WAL mode");
  assert.ok(
    totals.byKind.application + totals.byKind.transition + totals.byKind.visit === totals.acknowledged,
  );
});
