/**
 * Jittered exponential backoff for retries.
 * @module
 */

/** How failed calls are retried. */
export interface RetryOptions {
  /** Attempts in total, the first included (default 3; 1 disables retries). */
  maxAttempts?: number;
  /** Backoff ceiling of the first retry in ms (default 500). */
  baseDelayMs?: number;
  /** Largest backoff in ms (default 8000). */
  maxDelayMs?: number;
  /**
   * `'full'` (default): wait a random time in [0, ceiling) ("full jitter", using the injected `random`);
   * `'none'`: wait exactly the ceiling.
   */
  jitter?: 'full' | 'none';
  /**
   * A `retryAfterMs` from the server longer than this (default 60000) is not waited for: the error
   * is thrown so the caller can decide.
   */
  maxRetryAfterMs?: number;
  /**
   * Also retry `create`/`remix` after a retryable error that may have started a job (5xx, timeouts).
   * Default false: such retries can start, and bill, the same video twice. 429s are always retried,
   * because the service refused the request before doing anything.
   */
  retryCreateOnServerError?: boolean;
}

/** {@link RetryOptions} with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  jitter: 'full',
  maxRetryAfterMs: 60_000,
  retryCreateOnServerError: false,
};

/**
 * The wait before retry number `retry` (1 for the first retry): `min(maxDelayMs, baseDelayMs * 2^(retry-1))`,
 * scaled by `random()` in [0, 1) with full jitter.
 */
export function backoffDelay(retry: number, options: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  if (options.jitter === 'none') return ceiling;
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}
