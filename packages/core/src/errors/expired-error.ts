import { SoraKitError } from './sora-kit-error.js';

const marker = 'sora-kit.error.ExpiredError';
const symbol = Symbol.for(marker);

/** Options of {@link ExpiredError}. */
export interface ExpiredErrorOptions {
  /** The job whose outputs are gone. */
  jobId: string;
  /** When the service deleted (or will delete) the outputs. */
  expiresAt?: Date;
  /** Overrides the default message. */
  message?: string;
  /** Usually the {@link NotFoundError} the service answered with. */
  cause?: unknown;
}

/** A job or its outputs passed their retention time (24 h on every backend) and are gone. */
export class ExpiredError extends SoraKitError {
  protected readonly [symbol] = true;
  /** The job whose outputs are gone. */
  readonly jobId: string;
  /** When they expired, when known. */
  readonly expiresAt: Date | undefined;

  constructor({ jobId, expiresAt, message, cause }: ExpiredErrorOptions) {
    super({
      message: message ?? `job ${jobId} has expired${expiresAt ? ` (at ${expiresAt.toISOString()})` : ''}`,
      cause,
    });
    this.name = 'ExpiredError';
    this.jobId = jobId;
    this.expiresAt = expiresAt;
  }

  /** True when `error` is an {@link ExpiredError} from any copy of the package. */
  static override isInstance(error: unknown): error is ExpiredError {
    return SoraKitError.hasMarker(error, marker);
  }
}
