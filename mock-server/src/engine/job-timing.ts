/**
 * How long each phase lasts. Durations scale with the work: width x height x seconds x variants,
 * measured in megapixel-seconds. All values are emulated ms; the real clock's speed scales them.
 * @module
 */

import type { JobKind } from './job-record.js';

/** Phase durations. `runningMs = runningBaseMs + runningMsPerMegapixelSecond * work`. */
export interface TimingConfig {
  /** Time in `queued` (default 400). */
  readonly queuedMs: number;
  /** Time in `preprocessing`, Sora 1 only (default 300). */
  readonly preprocessingMs: number;
  /** Fixed part of `running` (default 1000). */
  readonly runningBaseMs: number;
  /** Running time added per megapixel-second of output (default 100). */
  readonly runningMsPerMegapixelSecond: number;
  /** Time in `processing`, Sora 1 only (default 300). */
  readonly processingMs: number;
}

/** Defaults: a 720p 4 s Sora 2 video settles after about 1.8 s, a 1080p 20 s Sora 1 job after about 6.1 s. */
export const DEFAULT_TIMING: TimingConfig = {
  queuedMs: 400,
  preprocessingMs: 300,
  runningBaseMs: 1000,
  runningMsPerMegapixelSecond: 100,
  processingMs: 300,
};

/** The size of a job for timing purposes. */
export interface JobWork {
  /** API family (Sora 2 skips preprocessing and processing). */
  readonly kind: JobKind;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Duration in seconds. */
  readonly seconds: number;
  /** Number of variants. */
  readonly variants: number;
}

/** Phase durations of one job, whole ms. */
export interface PhaseDurations {
  /** Time in `queued`. */
  readonly queuedMs: number;
  /** Time in `preprocessing`. */
  readonly preprocessingMs: number;
  /** Time in `running` (>= 1). */
  readonly runningMs: number;
  /** Time in `processing`. */
  readonly processingMs: number;
}

/** Megapixel-seconds of output: `width * height / 1e6 * seconds * variants`. */
export function megapixelSeconds(work: JobWork): number {
  return ((work.width * work.height) / 1e6) * work.seconds * work.variants;
}

/** Computes the phase durations of a job from its size and the timing configuration. */
export function planDurations(work: JobWork, timing: TimingConfig = DEFAULT_TIMING): PhaseDurations {
  const sora1 = work.kind === 'sora1';
  const whole = (ms: number) => Math.max(0, Math.round(ms));
  return {
    queuedMs: whole(timing.queuedMs),
    preprocessingMs: sora1 ? whole(timing.preprocessingMs) : 0,
    runningMs: Math.max(
      1,
      whole(timing.runningBaseMs + timing.runningMsPerMegapixelSecond * megapixelSeconds(work)),
    ),
    processingMs: sora1 ? whole(timing.processingMs) : 0,
  };
}
