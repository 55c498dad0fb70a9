import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.CreateOutcomeUnknownError';
const symbol = Symbol.for(marker);

/** Options of {@link CreateOutcomeUnknownError}. */
export interface CreateOutcomeUnknownErrorOptions {
  /** `create` or `remix`. */
  operation: string;
  /** Jobs created since just before the call that match the request: one of them may be yours. */
  candidateIds: readonly string[];
  /** Overrides the default message. */
  message?: string;
  /** What made the outcome unknown (a dropped connection, a timeout, a bodiless 5xx). */
  cause?: unknown;
}

/**
 * A create's answer was lost and the job listing could not tell whether it started a job: several
 * recent jobs match the request (`candidateIds`), or the listing itself failed. Not retryable:
 * creating again may start, and bill, a second video. Adopt a candidate (`client.wait(id)`), or
 * delete the ones you do not want.
 */
export class CreateOutcomeUnknownError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The operation whose outcome is unknown. */
  readonly operation: string;
  /** Recent jobs matching the request. */
  readonly candidateIds: readonly string[];
  /** Always false: repeating the call may duplicate a paid job. */
  readonly isRetryable = false;

  constructor({ operation, candidateIds, message, cause }: CreateOutcomeUnknownErrorOptions) {
    super({
      message:
        message ??
        (candidateIds.length === 0
          ? `${operation}: the answer was lost and the job listing could not be read, so it is unknown whether a job was started`
          : `${operation}: the answer was lost and ${candidateIds.length} recent jobs match the request (${candidateIds.join(', ')}); not creating another`),
      cause,
    });
    this.name = 'CreateOutcomeUnknownError';
    this.operation = operation;
    this.candidateIds = [...candidateIds];
  }

  /** True when `error` is a {@link CreateOutcomeUnknownError} from any copy of the package. */
  static override isInstance(error: unknown): error is CreateOutcomeUnknownError {
    return SoraKitError.hasMarker(error, marker);
  }
}
