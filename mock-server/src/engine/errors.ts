/**
 * The engine's domain errors. Plain typed classes with a `code` discriminant; each dialect
 * renders them into its own envelope and status (e.g. QuotaExceededError -> 429 + retry-after).
 * @module
 */

const ENGINE_ERROR = Symbol.for('sora-kit.emulator.EngineError');

/** Codes of every engine error. */
export type EngineErrorCode =
  | 'job_not_found'
  | 'character_not_found'
  | 'quota_exceeded'
  | 'invalid_state'
  | 'model_retired'
  | 'service_retired'
  | 'invalid_cursor'
  | 'invalid_input'
  | 'invalid_config';

/** Base class of every engine error. */
export abstract class EngineError extends Error {
  /** Discriminant for rendering. */
  abstract readonly code: EngineErrorCode;
  /** Marker that survives duplicated package copies. */
  readonly [ENGINE_ERROR] = true;

  /** True when `value` is an engine error from any copy of this package. */
  static isInstance(value: unknown): value is AnyEngineError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ENGINE_ERROR] === true
    );
  }
}

/** No such job in this partition (never existed, other partition, deleted or expired). */
export class JobNotFoundError extends EngineError {
  override readonly name = 'JobNotFoundError';
  readonly code = 'job_not_found';
  /**
   * @param jobId the id asked for (a job or generation id)
   * @param reason `missing`, or why it is gone
   */
  constructor(
    readonly jobId: string,
    readonly reason: 'missing' | 'expired' | 'deleted' = 'missing',
  ) {
    super(`No job found with id '${jobId}'.`);
  }
}

/** No character with this id in this partition. */
export class CharacterNotFoundError extends EngineError {
  override readonly name = 'CharacterNotFoundError';
  readonly code = 'character_not_found';
  /** @param characterId the id asked for */
  constructor(readonly characterId: string) {
    super(`No character found with id '${characterId}'.`);
  }
}

/** The partition has no free slot (ruling 3: rendered as 429 with retry-after). */
export class QuotaExceededError extends EngineError {
  override readonly name = 'QuotaExceededError';
  readonly code = 'quota_exceeded';
  /**
   * @param retryAfterMs time until the earliest slot frees (>= 1)
   * @param mode which quota refused
   * @param limit the quota's limit
   */
  constructor(
    readonly retryAfterMs: number,
    readonly mode: 'concurrent' | 'rate',
    readonly limit: number,
  ) {
    super(
      mode === 'concurrent'
        ? `Too many running tasks: at most ${limit} unfinished jobs per credential.`
        : `Too many requests: at most ${limit} video job requests per window.`,
    );
  }
}

/** The operation is not allowed in the job's current phase (e.g. Sora 2 DELETE while running). */
export class InvalidStateError extends EngineError {
  override readonly name = 'InvalidStateError';
  readonly code = 'invalid_state';
  /**
   * @param jobId the job
   * @param phase its phase when refused
   * @param operation what was attempted
   */
  constructor(
    readonly jobId: string,
    readonly phase: string,
    readonly operation: 'delete' | 'cancel' | 'remix' | 'edit' | 'extend',
    message?: string,
  ) {
    super(message ?? `Cannot ${operation} job '${jobId}' while it is ${phase}.`);
  }
}

/** The model is marked retired; every call about it answers `status` (404 or 410). */
export class ModelRetiredError extends EngineError {
  override readonly name = 'ModelRetiredError';
  readonly code = 'model_retired';
  /**
   * @param model the retired model or deployment
   * @param status HTTP status the dialect should answer
   */
  constructor(
    readonly model: string,
    readonly status: 404 | 410,
    message?: string,
  ) {
    super(message ?? `The model '${model}' has been retired and is no longer available.`);
  }
}

/** The whole service is marked retired; every route of its dialect answers `status` (404 or 410). */
export class ServiceRetiredError extends EngineError {
  override readonly name = 'ServiceRetiredError';
  readonly code = 'service_retired';
  /**
   * @param service the retired service (a backend id)
   * @param status HTTP status the dialect should answer
   * @param message the shutdown text (the dialect supplies its default)
   */
  constructor(
    readonly service: string,
    readonly status: 404 | 410,
    message: string,
  ) {
    super(message);
  }
}

/** A list cursor (`after`/`before`) names no job of the partition. */
export class InvalidCursorError extends EngineError {
  override readonly name = 'InvalidCursorError';
  readonly code = 'invalid_cursor';
  /**
   * @param param `after` or `before`
   * @param cursor the value given
   */
  constructor(
    readonly param: 'after' | 'before',
    readonly cursor: string,
  ) {
    super(`Invalid '${param}': no job with id '${cursor}'.`);
  }
}

/** A create input the engine cannot plan (the dialect should have refused it already). */
export class InvalidJobInputError extends EngineError {
  override readonly name = 'InvalidJobInputError';
  readonly code = 'invalid_input';
  /** @param field the offending input field */
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A configuration value (quota spec, timing, retention, fault) is unusable. */
export class InvalidConfigError extends EngineError {
  override readonly name = 'InvalidConfigError';
  readonly code = 'invalid_config';
  /** @param setting the offending setting */
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** Any concrete engine error; switch on `code`. */
export type AnyEngineError =
  | JobNotFoundError
  | CharacterNotFoundError
  | QuotaExceededError
  | InvalidStateError
  | ModelRetiredError
  | ServiceRetiredError
  | InvalidCursorError
  | InvalidJobInputError
  | InvalidConfigError;
