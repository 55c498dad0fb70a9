/**
 * Starting a job (create or remix) through the concurrency gate.
 * @module
 */
import { QuotaExceededError, VideoApiError } from '../errors/index.js';
import type { ProviderJobResult } from '../video-provider.js';
import { isRetryableError } from './call-with-retry.js';
import type { ClientRuntime } from './client-runtime.js';
import type { CreateOptions } from './video-client-options.js';

/** A 429 that means "too many running jobs": wait for a slot, do not retry blindly. */
export function isServiceFull(error: unknown): error is QuotaExceededError {
  return QuotaExceededError.isInstance(error) && error.reason === 'concurrency';
}

/**
 * Waits for a gate slot, then calls `start`. Retries only what cannot have started a job (429 rate
 * limits) unless `retryCreateOnServerError` allows more. A "service full" refusal frees the slot,
 * pauses the gate for the server's retry-after (or until a held job finishes) and queues the
 * request again at the head, up to `maxServiceFullRetries` times.
 */
export async function startJob(
  runtime: ClientRuntime,
  operation: 'create' | 'remix',
  start: (signal: AbortSignal) => Promise<ProviderJobResult>,
  options: CreateOptions,
): Promise<ProviderJobResult> {
  const scope = runtime.openScope(options.signal, options.timeoutMs);
  const mayRetry = (error: unknown): boolean => {
    if (!isRetryableError(error) || isServiceFull(error)) return false;
    return (
      (VideoApiError.isInstance(error) && error.status === 429) || runtime.retry.retryCreateOnServerError
    );
  };
  try {
    for (let refusals = 0; ; ) {
      const slot = await runtime.gate.acquire({
        signal: scope.signal,
        front: refusals > 0,
        ...(options.onQueuePosition ? { onQueuePosition: options.onQueuePosition } : {}),
      });
      let result: ProviderJobResult;
      try {
        result = await runtime.call(operation, start, scope.signal, mayRetry);
      } catch (error) {
        slot.release();
        if (!isServiceFull(error) || refusals >= runtime.maxServiceFullRetries || scope.signal.aborted) {
          throw error;
        }
        refusals++;
        runtime.emit({ type: 'service-full', retryAfterMs: error.retryAfterMs, refusals });
        runtime.gate.pause(error.retryAfterMs);
        continue;
      }
      slot.bind(result.job.id);
      runtime.observe(result.job);
      return result;
    }
  } catch (error) {
    throw scope.fail(error);
  } finally {
    scope.dispose();
  }
}
