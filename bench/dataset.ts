/**
 * Builds a city-scale dataset for the benchmark in its own SQLite file with raw batched
 * inserts (Prisma would take minutes): 100k firms, 60 banks, 300k authorisations, 20k open
 * demands. Deterministic (seeded PRNG); dates in the adapter's storage format.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

export const SCALE = { firms: 100_000, banks: 60, subDistricts: 8, authorizations: 300_000, demands: 20_000 };

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prisma's better-sqlite3 adapter stores DateTime as ISO text with an explicit +00:00. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export function buildDataset(file: string, now: Date, log: (line: string) => void) {
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // only while building the throw-away dataset
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const nowMs = now.getTime();
  const day = 86_400_000;
  const stamp = iso(nowMs);

  const started = Date.now();
  const insertMany = (label: string, total: number, sql: string, row: (i: number) => unknown[]) => {
    const statement = db.prepare(sql);
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) statement.run(row(i));
    });
    for (let from = 0; from < total; from += 10_000) {
      batch(from, Math.min(total, from + 10_000));
      if ((from + 10_000) % 50_000 === 0 || from + 10_000 >= total) {
        log(
          `  ${label}: ${Math.min(total, from + 10_000).toLocaleString("en")}/${total.toLocaleString("en")} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
  };

  insertMany(
    "sub-districts",
    SCALE.subDistricts,
    `INSERT INTO "SubDistrict" (id, code, name, nameEn, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
    (i) => [`sd${i}`, `sd${i}`, `办事处${i}`, `Office ${i}`, stamp, stamp],
  );
  insertMany(
    "banks",
    SCALE.banks,
    `INSERT INTO "Bank" (id, code, name, nameEn, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`,
    (i) => [`bank${i}`, `B${i}`, `银行${i}`, `Bank ${i}`, stamp, stamp],
  );
  const sections = ["A", "C", "C", "C", "E", "F", "F", "G", "H", "I", "I", "L", "M"];
  const sizes = ["MICRO", "MICRO", "MICRO", "SMALL", "SMALL", "MEDIUM", "LARGE"];
  const grades = ["A", "A", "B", "B", "B", "M", "C", "D"];
  const ratings = ["A", "B", "B", "C", "D"];
  insertMany(
    "firms",
    SCALE.firms,
    `INSERT INTO "Enterprise" (id, uscc, name, legalRepresentative, address, establishedOn, registeredCapitalWan, contactName, contactMobile, sectionCode, subDistrictId, employees, revenueWan, totalAssetsWan, size, verifiedAt, taxGrade, publicRating, onDishonestyList, onRedList, creditRefreshedAt, whitelistedUntil, createdAt, updatedAt)
     VALUES (?, ?, ?, '张三', '郑州市郑东新区', ?, '100', '李四', '13800000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (i) => {
      const created = iso(nowMs - Math.floor(random() * 3 * 365) * day);
      return [
        `ent${String(i).padStart(6, "0")}`,
        `9141010${String(i).padStart(11, "0")}`,
        `郑州测试企业${i}有限公司`,
        created,
        pick(sections),
        `sd${i % SCALE.subDistricts}`,
        1 + Math.floor(random() * 300),
        Math.floor(random() * 20_000),
        Math.floor(random() * 20_000),
        pick(sizes),
        created,
        pick(grades),
        pick(ratings),
        random() < 0.03 ? 1 : 0,
        random() < 0.08 ? 1 : 0,
        created,
        random() < 0.1 ? iso(nowMs + 200 * day) : null,
        created,
        created,
      ];
    },
  );
  insertMany(
    "authorisations",
    SCALE.authorizations,
    `INSERT INTO "Authorization" (id, enterpriseId, bankId, scope, origin, grantedAt, expiresAt, revokedAt) VALUES (?, ?, ?, ?, 'MANUAL', ?, ?, ?)`,
    (i) => {
      const granted = nowMs - Math.floor(random() * 400) * day;
      const allBanks = random() < 0.3;
      return [
        `auth${i}`,
        `ent${String(Math.floor(random() * SCALE.firms)).padStart(6, "0")}`,
        allBanks ? null : `bank${Math.floor(random() * SCALE.banks)}`,
        random() < 0.7 ? "FULL" : "BASIC",
        iso(granted),
        iso(granted + 365 * day),
        random() < 0.05 ? iso(granted + 30 * day) : null,
      ];
    },
  );
  insertMany(
    "open demands",
    SCALE.demands,
    `INSERT INTO "Demand" (id, enterpriseId, amountYuan, termMonths, purpose, guaranteeTypes, validUntil, status, createdAt, updatedAt) VALUES (?, ?, ?, 12, '流动资金', 'CREDIT', ?, 'OPEN', ?, ?)`,
    (i) => [
      `dem${i}`,
      `ent${String(Math.floor(random() * SCALE.firms)).padStart(6, "0")}`,
      (10 + Math.floor(random() * 500)) * 10_000,
      iso(nowMs + 60 * day),
      stamp,
      stamp,
    ],
  );
  db.pragma("optimize");
  db.close();
  return { seconds: (Date.now() - started) / 1000 };
}
