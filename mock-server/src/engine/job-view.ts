/**
 * What the engine hands to a dialect: the record plus its derived state at one moment.
 * @module
 */

import type { JobRecord } from './job-record.js';
import type { PresentJobState } from './job-state.js';
import { jobTimeline } from './job-timeline.js';

/** One output of a Sora 1 job (a `video.generation`). */
export interface GenerationView {
  /** `gen_…` id. */
  readonly id: string;
  /** Variant index, 0-based. */
  readonly index: number;
  /** When the generation was created: the end of the running phase. */
  readonly createdAt: number;
}

/** A present job as seen at `observedAt`. */
export interface JobView extends Omit<PresentJobState, 'kind'> {
  /** The record. */
  readonly job: JobRecord;
  /** The moment the state was derived for. */
  readonly observedAt: number;
  /** Sora 1 generations once succeeded (one per variant); empty otherwise and for Sora 2. */
  readonly generations: readonly GenerationView[];
}

const NO_GENERATIONS: readonly GenerationView[] = Object.freeze([]);

/** Builds the view of a present job. Fields are copied one by one: an object rest is slow on the poll path. */
export function toJobView(job: JobRecord, state: PresentJobState, observedAt: number): JobView {
  let generations = NO_GENERATIONS;
  if (state.phase === 'succeeded' && job.generationIds.length > 0) {
    const createdAt = jobTimeline(job).runningEndsAt;
    generations = job.generationIds.map((id, index) => ({ id, index, createdAt }));
  }
  return {
    phase: state.phase,
    progress: state.progress,
    finishedAt: state.finishedAt,
    expiresAt: state.expiresAt,
    settlesAt: state.settlesAt,
    failure: state.failure,
    nextChangeAt: state.nextChangeAt,
    job,
    observedAt,
    generations,
  };
}
