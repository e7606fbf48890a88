import { describe, expect, it } from "vitest";

import { hasMessage } from "~/i18n/translate";
import { JOBS } from "~/jobs/index.server";
import { nextRunOf, parseScheduleOverrides } from "~/jobs/scheduler.server";

describe("JOB_SCHEDULES", () => {
  it("reads name=pattern pairs separated by semicolons", () => {
    expect([...parseScheduleOverrides(" prune-job-runs = */2 * * * * * ; ")]).toEqual([
      ["prune-job-runs", "*/2 * * * * *"],
    ]);
    expect(parseScheduleOverrides(undefined).size).toBe(0);
  });

  it("refuses an unknown job, a missing pattern and an invalid pattern", () => {
    expect(() => parseScheduleOverrides("no-such-job=* * * * *")).toThrow(/no job named "no-such-job"/);
    expect(() => parseScheduleOverrides("prune-job-runs")).toThrow(/expected name=pattern/);
    expect(() => parseScheduleOverrides("prune-job-runs=61 * * * *")).toThrow();
  });
});

describe("the timetable", () => {
  it("is read in Beijing time: 03:40 daily is 19:40 UTC the day before", () => {
    // 2026-12-06 08:00 in Shanghai
    expect(nextRunOf("0 40 3 * * *", new Date("2026-12-06T00:00:00Z"))?.toISOString()).toBe(
      "2026-12-06T19:40:00.000Z",
    );
  });

  it("has a valid pattern, a unique kebab-case name and a name in both languages for every registered job", () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of JOBS) {
      expect(job.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(nextRunOf(job.schedule)).not.toBeNull();
      expect(hasMessage("zh-CN", `jobs.names.${job.name}`), `${job.name} named in zh-CN`).toBe(true);
      expect(hasMessage("en", `jobs.names.${job.name}`), `${job.name} named in en`).toBe(true);
    }
  });
});
