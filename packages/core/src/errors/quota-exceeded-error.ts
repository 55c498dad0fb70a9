import { SoraKitError } from './sora-kit-error.js';
import { VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';

const marker = 'sora-kit.error.QuotaExceededError';
const symbol = Symbol.for(marker);

/**
 * Why a 429 came back: too many jobs running at once (wait for a slot), too many requests in a
 * window (wait and retry), or an exhausted billing quota (retrying will not help).
 */
export type QuotaReason = 'concurrency' | 'rate' | 'billing';

/** Options of {@link QuotaExceededError}. */
export interface QuotaExceededErrorOptions extends Omit<VideoApiErrorOptions, 'status'> {
  /** Default 429. */
  status?: number;
  /** Default `rate`. */
  reason?: QuotaReason;
  /** From `retry-after-ms`, else `retry-after` (seconds or HTTP date). */
  retryAfterMs?: number;
}

/** HTTP 429: a concurrency slot, a rate window or a billing quota is exhausted. */
export class QuotaExceededError extends VideoApiError {
  protected readonly [symbol] = true;
  /** What is exhausted. */
  readonly reason: QuotaReason;
  /** How long the service asked to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(options: QuotaExceededErrorOptions) {
    const reason = options.reason ?? 'rate';
    super({
      ...options,
      status: options.status ?? 429,
      isRetryable: options.isRetryable ?? reason !== 'billing',
    });
    this.name = 'QuotaExceededError';
    this.reason = reason;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True when `error` is a {@link QuotaExceededError} from any copy of the package. */
  static override isInstance(error: unknown): error is QuotaExceededError {
    return SoraKitError.hasMarker(error, marker);
  }
}
