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

/** Builds the view of a present job. */
export function toJobView(job: JobRecord, state: PresentJobState, observedAt: number): JobView {
  const { kind: _kind, ...rest } = state;
  const createdAt = jobTimeline(job).runningEndsAt;
  const generations =
    state.phase === 'succeeded' ? job.generationIds.map((id, index) => ({ id, index, createdAt })) : [];
  return { ...rest, job, observedAt, generations };
}
