/**
 * How long each phase lasts. Durations scale with the work: width x height x seconds x variants,
 * measured in megapixel-seconds. All values are emulated ms; the real clock's speed scales them.
 * @module
 */

import type { JobKind } from './job-record.js';
import { DEFAULT_TIMING } from './timing-profiles.js';

/** The phase durations of one API family. `runningMs = runningBaseMs + runningMsPerMegapixelSecond * work`. */
export interface PhaseTiming {
  /** Time in `queued`. */
  readonly queuedMs: number;
  /** Time in `preprocessing`, Sora 1 only. */
  readonly preprocessingMs: number;
  /** Fixed part of `running`. */
  readonly runningBaseMs: number;
  /** Running time added per megapixel-second of output. */
  readonly runningMsPerMegapixelSecond: number;
  /** Time in `processing`, Sora 1 only. */
  readonly processingMs: number;
}

/** The fields Sora 2 can set apart from Sora 1 (it has no preprocessing or processing). */
export type Sora2PhaseTiming = Pick<
  PhaseTiming,
  'queuedMs' | 'runningBaseMs' | 'runningMsPerMegapixelSecond'
>;

/**
 * Phase durations. The top-level fields apply to every job; `sora2` sets Sora 2 apart, and
 * `modelFactors` stretch the running phase of a base model.
 */
export interface TimingConfig extends PhaseTiming {
  /** Sora 2 values that differ from the top-level ones. */
  readonly sora2?: Partial<Sora2PhaseTiming>;
  /** Running-time multiplier per base model (absent = 1), e.g. `{ 'sora-2-pro': 2.6 }`. */
  readonly modelFactors?: Readonly<Record<string, number>>;
}

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
  /** The base model (`sora`, `sora-2`, `sora-2-pro`), for `modelFactors`. */
  readonly model?: string;
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
  const phases: PhaseTiming = sora1 ? timing : { ...timing, ...timing.sora2 };
  const factors = timing.modelFactors;
  const factor =
    work.model !== undefined && factors !== undefined && Object.hasOwn(factors, work.model)
      ? (factors[work.model] ?? 1)
      : 1;
  const whole = (ms: number) => Math.max(0, Math.round(ms));
  return {
    queuedMs: whole(phases.queuedMs),
    preprocessingMs: sora1 ? whole(phases.preprocessingMs) : 0,
    runningMs: Math.max(
      1,
      whole(factor * (phases.runningBaseMs + phases.runningMsPerMegapixelSecond * megapixelSeconds(work))),
    ),
    processingMs: sora1 ? whole(phases.processingMs) : 0,
  };
}
