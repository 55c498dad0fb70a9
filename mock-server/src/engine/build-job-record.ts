/**
 * Turns a validated create input into an immutable record with its planned timeline.
 * @module
 */

import type { CreateJobInput } from './engine.js';
import { InvalidJobInputError } from './errors.js';
import type { IdSource } from './id-source.js';
import type { JobCharacter, JobFailure, JobLineage, JobOutcome, JobRecord } from './job-record.js';
import { planDurations, type TimingConfig } from './job-timing.js';

/** Context fixed by the engine at the moment of the create. */
export interface BuildContext {
  /** Creation time (ms). */
  readonly now: number;
  /** Creation sequence number. */
  readonly sequence: number;
  /** Id source. */
  readonly ids: IdSource;
  /** Timing in force. */
  readonly timing: TimingConfig;
  /** Retention in ms. */
  readonly retentionMs: number;
  /** Planned failure, if a fault or moderation applies. */
  readonly failure: { readonly progress: number; readonly failure: JobFailure } | null;
  /** Where the job comes from (remix, edit, extension). */
  readonly lineage?: JobLineage;
  /** Characters placed in the video, resolved from the input's ids. */
  readonly characters?: readonly JobCharacter[];
}

const isPositiveInteger = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

/** Checks the engine-level sanity of a create input. @throws InvalidJobInputError */
export function validateJobInput(input: CreateJobInput): void {
  const fail = (field: string, message: string): never => {
    throw new InvalidJobInputError(field, message);
  };
  if (typeof input.partition !== 'string' || input.partition === '')
    fail('partition', 'partition is required');
  if (input.kind !== 'sora1' && input.kind !== 'sora2') fail('kind', "kind must be 'sora1' or 'sora2'");
  if (typeof input.prompt !== 'string') fail('prompt', 'prompt must be a string');
  if (typeof input.model !== 'string' || input.model === '') fail('model', 'model is required');
  if (!isPositiveInteger(input.width)) fail('width', 'width must be a positive integer');
  if (!isPositiveInteger(input.height)) fail('height', 'height must be a positive integer');
  if (typeof input.seconds !== 'number' || !Number.isFinite(input.seconds) || input.seconds <= 0) {
    fail('seconds', 'seconds must be a positive number');
  }
  const variants = input.variants ?? 1;
  if (!isPositiveInteger(variants)) fail('variants', 'variants must be a positive integer');
  if (input.kind === 'sora2' && variants !== 1) fail('variants', 'Sora 2 jobs have exactly one variant');
  if (
    input.expiryBasis !== undefined &&
    input.expiryBasis !== 'createdAt' &&
    input.expiryBasis !== 'finishedAt'
  ) {
    fail('expiryBasis', "expiryBasis must be 'createdAt' or 'finishedAt'");
  }
}

/** Builds the record. Ids are drawn in a fixed order: the job id, then one generation id per variant (Sora 1). */
export function buildJobRecord(input: CreateJobInput, context: BuildContext): JobRecord {
  const variants = input.variants ?? 1;
  const durations = planDurations(
    {
      kind: input.kind,
      width: input.width,
      height: input.height,
      seconds: input.seconds,
      variants,
      model: input.baseModel ?? input.model,
    },
    context.timing,
  );
  const outcome: JobOutcome =
    context.failure === null
      ? { type: 'succeed' }
      : { type: 'fail', atProgress: context.failure.progress, failure: context.failure.failure };
  const id = input.kind === 'sora1' ? context.ids.taskId(context.now) : context.ids.videoId(context.now);
  const generationsAt = context.now + durations.queuedMs + durations.preprocessingMs + durations.runningMs;
  const generationIds =
    input.kind === 'sora1'
      ? Array.from({ length: variants }, () => context.ids.generationId(generationsAt))
      : [];
  const record: JobRecord = {
    id,
    kind: input.kind,
    partition: input.partition,
    sequence: context.sequence,
    createdAt: context.now,
    prompt: input.prompt,
    model: input.model,
    ...(input.baseModel === undefined || input.baseModel === input.model
      ? {}
      : { baseModel: input.baseModel }),
    width: input.width,
    height: input.height,
    seconds: input.seconds,
    variants,
    inputs: input.inputs ?? [],
    generationIds,
    ...context.lineage,
    ...(context.characters === undefined || context.characters.length === 0
      ? {}
      : { characters: context.characters }),
    plan: { ...durations, outcome },
    expiryBasis: input.expiryBasis ?? 'finishedAt',
    retentionMs: context.retentionMs,
    ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
  };
  return Object.freeze(record);
}
