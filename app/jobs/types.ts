/**
 * What a scheduled job is (docs/decisions/018-scheduled-jobs.md). A job module exports one
 * `JobDefinition`; app/jobs/index.server.ts lists them; the runner gives each run a context.
 */

/** How a run was started. */
export type JobTrigger = "SCHEDULE" | "MANUAL";

export interface JobContext {
  /** The run's business clock ("today" for reminders): the real time unless a test fixes it. */
  now(): Date;
  /** Aborted when the server shuts down or the run loses its lease: stop between items. */
  readonly signal: AbortSignal;
  readonly trigger: JobTrigger;
  /** Items handled successfully (firms refreshed, deliveries made…). */
  done(count?: number): void;
  /** One item failed; the run goes on. The message is kept in the run's error sample. */
  failed(error: unknown, label?: string): void;
  /** Adds to one of the run's own counts, shown on the admin page (e.g. "alerts"). */
  count(key: string, n?: number): void;
  /** The progress the job saved last (null before the first save, or after `saveState(null)`). */
  loadState<T>(): Promise<T | null>;
  /**
   * Saves progress for a later run to resume from. Only the lease holder can save: a run that
   * lost its lease is aborted instead.
   */
  saveState(state: unknown): Promise<void>;
  /** Throws the abort reason when the run must stop. */
  checkpoint(): void;
}

export interface JobDefinition {
  /** Unique, kebab-case; the key of its name under `jobs.names.` in the catalogues. */
  name: string;
  /** croner pattern (5 or 6 fields, seconds first when 6), read in Asia/Shanghai time. */
  schedule: string;
  /**
   * The longest a run may go without a heartbeat before another server may take the job over;
   * the runner renews the lease every third of it while the run is alive. Default 60 s.
   */
  leaseSeconds?: number;
  run(ctx: JobContext): Promise<void>;
}
