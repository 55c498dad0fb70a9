import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.AbortedError';
const symbol = Symbol.for(marker);

/** Options of {@link AbortedError}. */
export interface AbortedErrorOptions {
  /** `signal.reason`. */
  reason?: unknown;
  /** The job being waited for, when there is one. */
  jobId?: string;
  /** Overrides the default message. */
  message?: string;
  /** Default: `reason`. */
  cause?: unknown;
}

/** The caller's AbortSignal fired. The remote job, if any, is not cancelled by this. */
export class AbortedError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The signal's reason. */
  readonly reason: unknown;
  /** The job being waited for. */
  readonly jobId: string | undefined;

  constructor({ reason, jobId, message, cause }: AbortedErrorOptions = {}) {
    super({
      message: message ?? `aborted${jobId ? ` while waiting for ${jobId}` : ''}`,
      cause: cause ?? reason,
    });
    this.name = 'AbortedError';
    this.reason = reason;
    this.jobId = jobId;
  }

  /** True when `error` is an {@link AbortedError} from any copy of the package. */
  static override isInstance(error: unknown): error is AbortedError {
    return SoraKitError.hasMarker(error, marker);
  }
}
