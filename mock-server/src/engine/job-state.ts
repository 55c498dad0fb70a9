/**
 * The pure state derivation: a job's state at time t is a function of its record and t only.
 * No timers; advancing a manual clock by 24 h is instant and exact.
 * @module
 */

import type { JobPhase } from './job-phase.js';
import type { JobFailure, JobRecord } from './job-record.js';
import { jobTimeline } from './job-timeline.js';

/** A job that no longer answers: deleted, or past its expiry. */
export interface GoneJobState {
  /** Discriminant. */
  readonly kind: 'gone';
  /** Why it is gone. */
  readonly reason: 'expired' | 'deleted';
  /** When it disappeared (ms). */
  readonly since: number;
}

/** A job that still exists, as seen at one moment. */
export interface PresentJobState {
  /** Discriminant. */
  readonly kind: 'present';
  /** Canonical phase. */
  readonly phase: JobPhase;
  /** 0 while queued/preprocessing, 0..99 while running (monotonic), 100 after; a failure keeps its progress. */
  readonly progress: number;
  /** When the job settled (succeeded, failed or cancelled); null while unfinished. */
  readonly finishedAt: number | null;
  /** When the job will disappear, once known (always for the `createdAt` basis; after settling for `finishedAt`). */
  readonly expiresAt: number | null;
  /** When the job settles (planned while unfinished; actual once settled). */
  readonly settlesAt: number;
  /** The failure, once failed; null otherwise. */
  readonly failure: JobFailure | null;
  /** The next moment this state changes (phase, progress or expiry); null if it never will. */
  readonly nextChangeAt: number | null;
}

/** A job's state at one moment. */
export type JobState = GoneJobState | PresentJobState;

function runningProgress(elapsedInRun: number, runningMs: number): number {
  return Math.min(99, Math.max(0, Math.floor((100 * elapsedInRun) / runningMs)));
}

/**
 * Derives the state of `job` at `now` (ms). Pure: same inputs, same output.
 * @example
 * const state = deriveJobState(record, clock.now());
 * if (state.kind === 'present' && state.phase === 'running') console.log(state.progress);
 */
export function deriveJobState(job: JobRecord, now: number): JobState {
  const timeline = jobTimeline(job);
  const { runningMs } = job.plan;
  const cancelled = job.cancelledAt !== undefined && job.cancelledAt < timeline.settlesAt;
  const settledAt = cancelled ? (job.cancelledAt as number) : timeline.settlesAt;
  const expiresAt = (job.expiryBasis === 'createdAt' ? job.createdAt : settledAt) + job.retentionMs;

  const deletedAt = job.deletedAt !== undefined && now >= job.deletedAt ? job.deletedAt : undefined;
  if (deletedAt !== undefined || now >= expiresAt) {
    const deletedFirst = deletedAt !== undefined && deletedAt < expiresAt;
    return deletedFirst
      ? { kind: 'gone', reason: 'deleted', since: deletedAt }
      : { kind: 'gone', reason: 'expired', since: expiresAt };
  }

  const knownExpiry = job.expiryBasis === 'createdAt' || now >= settledAt ? expiresAt : null;
  const present = (
    phase: JobPhase,
    progress: number,
    nextChangeAt: number | null,
    failure: JobFailure | null = null,
  ): PresentJobState => ({
    kind: 'present',
    phase,
    progress,
    finishedAt: now >= settledAt ? settledAt : null,
    expiresAt: knownExpiry,
    settlesAt: settledAt,
    failure,
    nextChangeAt: nextChangeAt === null ? null : Math.min(nextChangeAt, expiresAt),
  });

  if (cancelled && now >= settledAt) {
    const at = settledAt;
    const progress =
      at < timeline.runningAt
        ? 0
        : at < timeline.runningEndsAt
          ? runningProgress(at - timeline.runningAt, runningMs)
          : 100;
    return present('cancelled', progress, expiresAt);
  }
  if (now >= timeline.settlesAt) {
    const { outcome } = job.plan;
    return outcome.type === 'fail'
      ? present('failed', outcome.atProgress, expiresAt, outcome.failure)
      : present('succeeded', 100, expiresAt);
  }
  if (now < timeline.preprocessingAt) {
    const next = job.plan.preprocessingMs > 0 ? timeline.preprocessingAt : timeline.runningAt;
    return present('queued', 0, next);
  }
  if (now < timeline.runningAt) return present('preprocessing', 0, timeline.runningAt);
  if (now < timeline.runningEndsAt) {
    const progress = runningProgress(now - timeline.runningAt, runningMs);
    const nextTick = timeline.runningAt + Math.ceil(((progress + 1) * runningMs) / 100);
    return present('running', progress, Math.min(nextTick, timeline.settlesAt));
  }
  return present('processing', 100, timeline.settlesAt);
}
