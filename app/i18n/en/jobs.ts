import type { Catalog } from "../zh-CN";

export const jobs: Catalog["jobs"] = {
  nav: "Scheduled jobs",
  title: "Scheduled jobs",
  intro:
    "Work the portal does by itself on a timetable: the nightly credit refresh, reminders, webhook deliveries and more. Every run is recorded; a job never runs twice at once, and with several servers each run happens on one of them.",
  schedulerOn: "Scheduled jobs are on for this server.",
  schedulerOff:
    "Scheduled jobs are off for this server (JOBS=off): nothing runs on the timetable; you can still run a job by hand.",
  table: "Scheduled jobs",
  runsTable: "Runs",
  columns: {
    job: "Job",
    schedule: "Timetable (cron, Beijing time)",
    nextRun: "Next run",
    lastRun: "Last run",
    status: "Status",
    items: "Items",
    errors: "Failed",
    started: "Started",
    finished: "Finished",
    duration: "Took",
    trigger: "Started by",
    host: "Server",
    counts: "Counts",
    actions: "Actions",
  },
  never: "Never run",
  runningOn: "Running (on {host})",
  runNow: "Run now",
  runNowLabel: "Run now: {job}",
  starting: "Starting…",
  history: "Runs",
  back: "Back to scheduled jobs",
  empty: "No runs of this job yet. It runs on its timetable, or press “Run now”.",
  errorSample: "Failures",
  seconds: "{n} s",
  minutes: "{m} min {s} s",
  flash: {
    started: "“{job}” started; see its runs for the result",
    busy: "“{job}” is already running; not started again",
  },
  statuses: {
    RUNNING: "Running",
    SUCCEEDED: "Succeeded",
    PARTIAL: "Some items failed",
    FAILED: "Failed",
    INTERRUPTED: "Interrupted",
  },
  triggers: { SCHEDULE: "Timetable", MANUAL: "By hand" },
  names: {
    "suspension-check": "Bank suspension check",
    "prune-api-records": "Prune bank API records",
    "due-reminders": "Repayment reminders",
    "renewal-reminders": "Renewal reminders",
    "credit-refresh": "Nightly credit refresh",
    "prune-job-runs": "Prune old job runs",
    "prune-rollups": "Prune empty indicator rollups",
    "deliver-webhooks": "Deliver webhooks",
  },
  descriptions: {
    "suspension-check":
      "Tests each bank's overdue ratio of filed loans against the rule in force: over the threshold it is suspended from new filings, back under it is reinstated; a bureau waiver ends once the ratio has fallen back.",
    "prune-api-records": "Deletes expired idempotency keys (24 h), nonces (10 min) and rate-limit counters.",
    "due-reminders":
      "Reminds firms 7 days before a repayment falls due (once per period; a missed night is caught up).",
    "renewal-reminders":
      "Tells the firm and the bank 60 and 30 days before a loan matures (notifications and a loan.renewal_due event; once per loan and window; a notice due on a holiday goes out the working day before).",
    "credit-refresh":
      "Refreshes the credit data of every firm with an outstanding loan or a live authorisation (throttled, resumes after an interruption) and raises credit alerts to the banks concerned.",
    "prune-job-runs": "Deletes job runs older than 90 days.",
    "prune-rollups":
      "Deletes the indicator-rollup slots whose counts went back to zero (writes leave them; this clears them nightly).",
    "deliver-webhooks":
      "POSTs due events to the banks' webhook endpoints (retries after 1 min, 5 min, 30 min, 2 h, 6 h, then every 6 h; failed after 72 h).",
  },
};
