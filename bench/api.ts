/**
 * The bank API's cost (npm run bench; alone: npx tsx bench/api.ts), on a small database of its own
 * (a temporary SQLite file: the machine is shared):
 *
 * - api.overhead.read / .write: p95 of a signed request through the whole pipeline (signature,
 *   nonce and counter, idempotency, validation, the handler, the stored answer), in process
 *   without HTTP, against p95 of the same model calls made directly. Target: ≤ 2 ms added.
 * - api.disburse.concurrent: 8 API clients disbursing approved applications at once through the
 *   pipeline; target: 0 lock errors (SQLITE_BUSY / deadlocks) and every disbursement applied.
 *
 * - api.statements.read / .write: SQLite statements per request (BEGIN and COMMIT included) through
 *   the pipeline against the same model calls — a count, so it does not move with the machine's
 *   load the way the timings do on a shared machine.
 *
 * Prints one JSON object per line (SPEC: {"name","value","unit","baseline","ratio"}).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = mkdtempSync(path.join(os.tmpdir(), "xyd-api-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "api.db")}`;
process.env.NODE_ENV ??= "production";
process.env.MOCKS ??= "true";
process.env.JOBS ??= "false";
process.env.SESSION_SECRET ??= "api-bench-session-secret-0123456789abcdef";
const migrate = spawnSync(path.resolve("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
  env: process.env,
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(`migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);

// Every statement better-sqlite3 runs, counted (the app's SQLite driver underneath Prisma).
const { default: BetterSqlite } = await import("better-sqlite3");
let statements = 0;
{
  const probe = new BetterSqlite(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, unknown>;
  probe.close();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = Statement[method] as (...args: unknown[]) => unknown;
    Statement[method] = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
  const Database = BetterSqlite.prototype as unknown as Record<string, unknown>;
  const exec = Database.exec as (...args: unknown[]) => unknown;
  Database.exec = function (this: unknown, ...args: unknown[]) {
    statements++;
    return exec.apply(this, args);
  };
}
/** Statements run by `work`. */
async function countStatements(work: () => Promise<unknown>) {
  const before = statements;
  await work();
  return statements - before;
}

const log = (line: string) => console.error(line);
const round = (n: number) => Math.round(n * 100) / 100;
function report(name: string, value: number, unit: string, baseline: number | null = null) {
  const row = {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline && round(baseline) > 0 ? Number((value / baseline).toPrecision(3)) : null,
  };
  console.log(JSON.stringify(row));
}
const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)];

const { db } = await import("../app/db.server");
const { runEndpoint } = await import("../app/api/endpoint.server");
const { getApplication, transition } = await import("../app/api/endpoints/applications.server");
const { issueApiClient } = await import("../app/models/api-client.server");
const { findBankApplicationId, getBankApplication, getDecisionContext } =
  await import("../app/models/bank-application.server");
const { parseDecisionForm } = await import("../app/domain/decision-rules");
const { transitionApplication } = await import("../app/models/application-transition.server");
const { signRequest } = await import("../app/domain/api-signature");
const f = await import("../prisma/factories");
const { randomBytes } = await import("node:crypto");

const ROUNDS = Number(process.env.API_BENCH_ROUNDS ?? 200);
const PER_CLIENT = Number(process.env.API_BENCH_DISBURSALS ?? 10);
const CLIENTS = 8;

log(`» api bench: ${ROUNDS} rounds, ${CLIENTS} clients × ${PER_CLIENT} disbursements (${dir})`);
const { subDistricts, banks } = await f.createReferenceData(db);
const bank = banks[0];
const officer = await f.bankOfficerOf(db, bank.id);
const firm = await f.createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id });
const product = await f.createProduct(db, { bankId: bank.id, maxAmountYuan: 10_000_000 });
const issued = await issueApiClient(null, { bankId: bank.id });
if (!issued.ok) throw new Error("no client");
const key = issued.client;
const officerActor = {
  id: officer.id,
  username: officer.username,
  displayName: officer.displayName,
  role: "BANK" as const,
  bankId: bank.id,
  enterpriseId: null,
  subDistrictId: null,
  organization: null,
};

function signed(method: string, pathWithQuery: string, body = "", k = key) {
  const headers: Record<string, string> = signRequest({
    keyId: k.keyId,
    secret: k.secret,
    method,
    pathWithQuery,
    body,
    timestamp: Math.floor(Date.now() / 1000),
    nonce: randomBytes(12).toString("base64url"),
  });
  if (method !== "GET") {
    headers["Idempotency-Key"] = randomBytes(12).toString("hex");
    headers["Content-Type"] = "application/json";
  }
  return new Request(`http://localhost:3000${pathWithQuery}`, {
    method,
    headers,
    body: method === "GET" ? undefined : body,
  });
}

const application = await f.createApplication(db, {
  enterpriseId: firm.enterprise.id,
  productId: product.id,
});
const readModel: number[] = [];
const readApi: number[] = [];
for (let i = 0; i < ROUNDS + 10; i++) {
  let t = performance.now();
  const id = await findBankApplicationId(officerActor, application.number);
  await getBankApplication({ id: id!, actor: officerActor });
  const model = performance.now() - t;
  t = performance.now();
  const response = await runEndpoint(getApplication, {
    request: signed("GET", `/api/v1/applications/${application.number}`),
    params: { number: application.number },
  });
  await response.text();
  const api = performance.now() - t;
  if (response.status !== 200) throw new Error(`read answered ${response.status}`);
  if (i >= 10) {
    readModel.push(model);
    readApi.push(api);
  }
}
report("api.read.p95", p95(readApi), "ms", p95(readModel));
report(
  "api.statements.read",
  await countStatements(async () => {
    const response = await runEndpoint(getApplication, {
      request: signed("GET", `/api/v1/applications/${application.number}`),
      params: { number: application.number },
    });
    await response.text();
  }),
  "statements",
  await countStatements(async () => {
    const id = await findBankApplicationId(officerActor, application.number);
    await getBankApplication({ id: id!, actor: officerActor });
  }),
);
report("api.overhead.read.p95", p95(readApi) - p95(readModel), "ms");

/**
 * The model calls the transition endpoint makes, made directly: find the application, read its
 * decision context (state, version, the form's limits), parse the decision, transition, and read
 * the application again for the answer — what the decision page's action and its reload do too.
 * What the API adds on top is the pipeline: signature, nonce, counter, idempotency, audit.
 */
async function acceptViaModels(number: string) {
  const now = new Date();
  const id = await findBankApplicationId(officerActor, number);
  const found = await getDecisionContext({ id: id!, actor: officerActor, now });
  const parsed = parseDecisionForm({ intent: "accept", version: String(found!.version) }, found!.context);
  if (!parsed.ok) throw new Error("accept does not parse");
  const done = await transitionApplication({
    applicationId: id!,
    actor: officerActor,
    input: parsed.input,
    expectedVersion: found!.version,
    now,
  });
  if (!done.ok) throw new Error("model accept failed");
  await getBankApplication({ id: id!, actor: officerActor, now });
}

// writes: accept one SUBMITTED application through the models, one through the API, alternately
const writes = [];
for (let i = 0; i < 2 * (ROUNDS / 2 + 5) + 2; i++)
  writes.push(await f.createApplication(db, { enterpriseId: firm.enterprise.id, productId: product.id }));
const writeModel: number[] = [];
const writeApi: number[] = [];
for (let i = 0; i < writes.length - 2; i += 2) {
  let t = performance.now();
  await acceptViaModels(writes[i].number);
  const model = performance.now() - t;
  const number = writes[i + 1].number;
  t = performance.now();
  const response = await runEndpoint(transition, {
    request: signed(
      "POST",
      `/api/v1/applications/${number}/transitions`,
      JSON.stringify({ action: "accept", version: 0 }),
    ),
    params: { number },
  });
  await response.text();
  const api = performance.now() - t;
  if (response.status !== 200) throw new Error(`accept answered ${response.status}`);
  if (i >= 10) {
    writeModel.push(model);
    writeApi.push(api);
  }
}
report("api.write.p95", p95(writeApi), "ms", p95(writeModel));
{
  const [viaModel, viaApi] = writes.slice(-2);
  report(
    "api.statements.write",
    await countStatements(async () => {
      const response = await runEndpoint(transition, {
        request: signed(
          "POST",
          `/api/v1/applications/${viaApi.number}/transitions`,
          JSON.stringify({ action: "accept", version: 0 }),
        ),
        params: { number: viaApi.number },
      });
      if (response.status !== 200) throw new Error(`accept answered ${response.status}`);
    }),
    "statements",
    await countStatements(() => acceptViaModels(viaModel.number)),
  );
}
const writeOverhead = p95(writeApi) - p95(writeModel);
report("api.overhead.write.p95", writeOverhead, "ms");

// 8 clients at once, each disbursing its own approved applications
const clients = [];
for (let c = 0; c < CLIENTS; c++) {
  const client = await issueApiClient(null, { bankId: bank.id });
  if (!client.ok) throw new Error("no client");
  const approved = [];
  for (let i = 0; i < PER_CLIENT; i++)
    approved.push(
      await f.createApplication(db, {
        enterpriseId: firm.enterprise.id,
        productId: product.id,
        state: "APPROVED",
        submittedAt: new Date(Date.now() - 10 * 86_400_000),
        at: {
          accepted: new Date(Date.now() - 9 * 86_400_000),
          approved: new Date(Date.now() - 8 * 86_400_000),
        },
      }),
    );
  clients.push({ key: client.client, approved });
}
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const errors: string[] = [];
const originalError = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args.map(String).join(" "));
};
const started = performance.now();
const statuses = await Promise.all(
  clients.map(async ({ key: k, approved }) => {
    const out: number[] = [];
    for (const a of approved) {
      const body = JSON.stringify({
        action: "disburse",
        version: a.version,
        amount: `${a.approvedAmountYuan}.00`,
        rateBp: a.approvedRateBp,
        disbursedOn: today,
        repaymentMethod: "EQUAL_INSTALMENT",
      });
      const response = await runEndpoint(transition, {
        request: signed("POST", `/api/v1/applications/${a.number}/transitions`, body, k),
        params: { number: a.number },
      });
      const text = await response.text();
      if (response.status !== 200) errors.push(`${response.status} ${text.slice(0, 200)}`);
      out.push(response.status);
    }
    return out;
  }),
);
const seconds = (performance.now() - started) / 1000;
console.error = originalError;
const lockErrors = errors.filter((e) =>
  /SQLITE_BUSY|database is locked|deadlock|could not serialize/.test(e),
).length;
const applied = await db.application.count({
  where: { id: { in: clients.flatMap((c) => c.approved.map((a) => a.id)) }, state: "DISBURSED" },
});
report("api.disburse.concurrent.lockErrors", lockErrors, "errors");
report("api.disburse.concurrent.applied", applied, "disbursements", CLIENTS * PER_CLIENT);
report("api.disburse.concurrent.throughput", (CLIENTS * PER_CLIENT) / seconds, "req/s");
log(
  `  targets: read overhead ${round(p95(readApi) - p95(readModel))} ms, write overhead ${round(writeOverhead)} ms (≤ 2 ms)`,
);
log(
  `  8 clients: ${statuses.flat().filter((s) => s === 200).length}/${CLIENTS * PER_CLIENT} answered 200, ${lockErrors} lock errors${
    errors.length ? `; first error: ${errors[0]}` : ""
  }`,
);
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
