import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.TimeoutError';
const symbol = Symbol.for(marker);

/** Options of {@link TimeoutError}. */
export interface TimeoutErrorOptions {
  /** How long was waited, in milliseconds. */
  timeoutMs: number;
  /** The job being waited for, when there is one. */
  jobId?: string;
  /** Overrides the default message. */
  message?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** Waiting (for a job, a slot or a response) took longer than allowed. The job itself may go on. */
export class TimeoutError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The limit that was reached, in milliseconds. */
  readonly timeoutMs: number;
  /** The job being waited for. */
  readonly jobId: string | undefined;

  constructor({ timeoutMs, jobId, message, cause }: TimeoutErrorOptions) {
    super({
      message: message ?? `timed out after ${timeoutMs} ms${jobId ? ` waiting for ${jobId}` : ''}`,
      cause,
    });
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
    this.jobId = jobId;
  }

  /** True when `error` is a {@link TimeoutError} from any copy of the package. */
  static override isInstance(error: unknown): error is TimeoutError {
    return SoraKitError.hasMarker(error, marker);
  }
}
