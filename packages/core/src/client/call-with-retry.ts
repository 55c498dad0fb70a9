/**
 * Runs one remote call with jittered exponential backoff on retryable errors, honouring Retry-After.
 * @module
 */
import { parseRetryAfterMs, QuotaExceededError, VideoApiError } from '../errors/index.js';
import { backoffDelay, type ResolvedRetryOptions } from './backoff.js';
import type { Clock, Delay } from './clock.js';

/** A retry that is about to happen. */
export interface RetryNotice {
  /** The operation being retried (`get`, `create`, ...). */
  operation: string;
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Whether `delayMs` came from the server (Retry-After) rather than backoff. */
  fromServer: boolean;
  error: unknown;
}

/** What {@link callWithRetry} needs. */
export interface CallWithRetryOptions {
  operation: string;
  retry: ResolvedRetryOptions;
  clock: Clock;
  delay: Delay;
  random: () => number;
  signal: AbortSignal;
  /** Decides whether an error is worth another attempt (default: `isRetryableError`). */
  shouldRetry?: (error: unknown) => boolean;
  onRetry?: (notice: RetryNotice) => void;
}

/** Whether an error says repeating the same call may succeed (`VideoApiError.isRetryable`). */
export function isRetryableError(error: unknown): boolean {
  return VideoApiError.isInstance(error) && error.isRetryable;
}

/** How long the server asked to wait before retrying, from the error, when it said. */
export function serverRetryAfterMs(error: unknown, now: number): number | undefined {
  if (QuotaExceededError.isInstance(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  if (VideoApiError.isInstance(error)) return parseRetryAfterMs(error.headers, now);
  return undefined;
}

/**
 * Calls `fn` until it succeeds, an error is not retryable, or `retry.maxAttempts` is used up.
 * The wait is the server's Retry-After when given (an error is thrown instead when that exceeds
 * `retry.maxRetryAfterMs`), else full-jitter exponential backoff.
 */
export async function callWithRetry<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  options: CallWithRetryOptions,
): Promise<T> {
  const shouldRetry = options.shouldRetry ?? isRetryableError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(options.signal);
    } catch (error) {
      if (options.signal.aborted || attempt >= options.retry.maxAttempts || !shouldRetry(error)) throw error;
      const serverDelay = serverRetryAfterMs(error, options.clock.now());
      if (serverDelay !== undefined && serverDelay > options.retry.maxRetryAfterMs) throw error;
      const delayMs = serverDelay ?? backoffDelay(attempt, options.retry, options.random);
      options.onRetry?.({
        operation: options.operation,
        attempt,
        delayMs,
        fromServer: serverDelay !== undefined,
        error,
      });
      await options.delay(delayMs, options.signal);
    }
  }
}
