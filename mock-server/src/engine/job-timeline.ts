/**
 * The boundaries of a job's planned timeline, computed from its record alone.
 * @module
 */

import type { JobRecord } from './job-record.js';

/** Absolute moments (ms) of a job's plan, ignoring cancellation and deletion. */
export interface JobTimeline {
  /** Creation; `queued` starts. */
  readonly createdAt: number;
  /** `preprocessing` starts (equals `runningAt` when the phase is skipped). */
  readonly preprocessingAt: number;
  /** `running` starts (progress 0). */
  readonly runningAt: number;
  /** `running` would reach 100 here; generations are created at this moment. */
  readonly runningEndsAt: number;
  /** The job settles here: succeeded after processing, or failed at its failure progress. */
  readonly settlesAt: number;
  /** The planned final phase. */
  readonly outcome: 'succeeded' | 'failed';
}

/** The planned timeline of a job. A failure at progress p settles at `runningAt + ceil(p * runningMs / 100)`. */
export function jobTimeline(job: JobRecord): JobTimeline {
  const { queuedMs, preprocessingMs, runningMs, processingMs, outcome } = job.plan;
  const preprocessingAt = job.createdAt + queuedMs;
  const runningAt = preprocessingAt + preprocessingMs;
  const runningEndsAt = runningAt + runningMs;
  if (outcome.type === 'fail') {
    return {
      createdAt: job.createdAt,
      preprocessingAt,
      runningAt,
      runningEndsAt,
      settlesAt: runningAt + Math.ceil((outcome.atProgress * runningMs) / 100),
      outcome: 'failed',
    };
  }
  return {
    createdAt: job.createdAt,
    preprocessingAt,
    runningAt,
    runningEndsAt,
    settlesAt: runningEndsAt + processingMs,
    outcome: 'succeeded',
  };
}
