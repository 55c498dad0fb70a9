/**
 * Test helper: the short, fixed engine timing the engine tests share, and a job input per
 * partition and kind.
 * @module
 */

import type { CreateJobInput } from '../engine/engine.js';
import type { JobKind } from '../engine/job-record.js';

/** Phase lengths independent of size: queued 1 s, preprocessing 0.5 s, running 2 s, processing 0.5 s. */
export const TEST_TIMING = {
  queuedMs: 1000,
  preprocessingMs: 500,
  runningBaseMs: 2000,
  runningMsPerMegapixelSecond: 0,
  processingMs: 500,
};

/** A small 4 s job of `kind` in `partition`. */
export const testJobInput = (partition: string, kind: JobKind): CreateJobInput => ({
  partition,
  kind,
  prompt: 'a calm lake',
  model: kind === 'sora1' ? 'sora' : 'sora-2',
  width: 480,
  height: 480,
  seconds: 4,
});
