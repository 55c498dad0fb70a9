import { SoraKitError } from './sora-kit-error.js';
import { VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';

const marker = 'sora-kit.error.NotFoundError';
const symbol = Symbol.for(marker);

/** Options of {@link NotFoundError}. */
export interface NotFoundErrorOptions extends Omit<VideoApiErrorOptions, 'status'> {
  /** Default 404. */
  status?: number;
}

/**
 * HTTP 404: the job, generation, content or deployment does not exist (or no longer does).
 * `VideoClient` turns it into an {@link ExpiredError} when the job's `expiresAt` has passed.
 */
export class NotFoundError extends VideoApiError {
  protected readonly [symbol] = true;

  constructor(options: NotFoundErrorOptions) {
    super({ ...options, status: options.status ?? 404 });
    this.name = 'NotFoundError';
  }

  /** True when `error` is a {@link NotFoundError} from any copy of the package. */
  static override isInstance(error: unknown): error is NotFoundError {
    return SoraKitError.hasMarker(error, marker);
  }
}
