/**
 * Canonical job phases. Each dialect maps them to its own status words (see docs/emulator.md).
 * @module
 */

/** A phase of a job that still exists. */
export type JobPhase =
  | 'queued'
  | 'preprocessing'
  | 'running'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

/** Every phase in timeline order. */
export const JOB_PHASES: readonly JobPhase[] = [
  'queued',
  'preprocessing',
  'running',
  'processing',
  'succeeded',
  'failed',
  'cancelled',
];

/** Phases after which nothing changes but expiry. */
export type SettledPhase = 'succeeded' | 'failed' | 'cancelled';

/** True once the job is done (it then no longer holds a quota slot). */
export function isSettledPhase(phase: JobPhase): phase is SettledPhase {
  return phase === 'succeeded' || phase === 'failed' || phase === 'cancelled';
}
