/**
 * Starting a job (create, remix, edit or extend) through the concurrency gate.
 * @module
 */
import { CreateOutcomeUnknownError, QuotaExceededError, VideoApiError } from '../errors/index.js';
import type { ProviderCreateOptions, ProviderJobResult } from '../video-provider.js';
import { isRetryableError } from './call-with-retry.js';
import type { ClientRuntime } from './client-runtime.js';
import { type CreateMatch, isOutcomeUnknown, reconcileCreate } from './reconcile-create.js';
import type { CreateOptions } from './video-client-options.js';

/** A fresh `Idempotency-Key` for one create (all its attempts share it). */
function newIdempotencyKey(random: () => number): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return `sora-kit-${uuid ?? `${Date.now().toString(36)}-${Math.floor(random() * 36 ** 10).toString(36)}`}`;
}

/** A 429 that means "too many running jobs": wait for a slot, do not retry blindly. */
export function isServiceFull(error: unknown): error is QuotaExceededError {
  return QuotaExceededError.isInstance(error) && error.reason === 'concurrency';
}

/**
 * Whether a call that may have created something remotely (a job, a character) is worth another
 * attempt: a 429 rate limit cannot have, other retryable errors only when
 * `retryCreateOnServerError` allows it. "Service full" refusals and unknown outcomes are handled
 * by the gate and reconciliation instead.
 */
export function mayRetryStart(runtime: ClientRuntime): (error: unknown) => boolean {
  return (error) => {
    if (!isRetryableError(error) || isServiceFull(error) || isOutcomeUnknown(error)) return false;
    return (
      (VideoApiError.isInstance(error) && error.status === 429) || runtime.retry.retryCreateOnServerError
    );
  };
}

/**
 * Waits for a gate slot, then calls `start` with one `Idempotency-Key` for all attempts. Retries
 * only what cannot have started a job (429 rate limits) unless `retryCreateOnServerError` allows
 * more (5xx with the service's error body). When the outcome is unknown (network failure,
 * timeout, bodiless 5xx) it reconciles: lists the recent jobs and adopts the one match; with none
 * it tries once more (when the retry policy allows a second attempt); with several it throws
 * `CreateOutcomeUnknownError` naming them. A "service full" refusal frees the slot, pauses the
 * gate for the server's retry-after (or until a held job finishes) and queues the request again
 * at the head, up to `maxServiceFullRetries` times.
 */
export async function startJob(
  runtime: ClientRuntime,
  operation: 'create' | 'remix' | 'edit' | 'extend',
  start: (options: ProviderCreateOptions) => Promise<ProviderJobResult>,
  options: CreateOptions,
  match?: CreateMatch,
): Promise<ProviderJobResult> {
  const scope = runtime.openScope(options.signal, options.timeoutMs);
  const idempotencyKey = newIdempotencyKey(runtime.random);
  const mayRetry = mayRetryStart(runtime);
  const attempt = (signal: AbortSignal) => start({ signal, idempotencyKey });
  const send = async (signal: AbortSignal): Promise<ProviderJobResult> => {
    const startedAt = runtime.clock.now();
    try {
      return await runtime.call(operation, attempt, signal, mayRetry);
    } catch (error) {
      if (!match || !isOutcomeUnknown(error) || signal.aborted) throw error;
      return reconcile(match, error, startedAt, signal);
    }
  };
  const reconcile = async (
    match: CreateMatch,
    error: unknown,
    startedAt: number,
    signal: AbortSignal,
    retried = false,
  ): Promise<ProviderJobResult> => {
    const outcome = await reconcileCreate(runtime, match, startedAt, signal);
    runtime.emit({
      type: 'reconcile',
      operation,
      outcome: outcome.kind,
      ...(outcome.kind === 'adopted' ? { jobId: outcome.job.id } : {}),
      ...(outcome.kind === 'ambiguous' ? { candidateIds: outcome.candidateIds } : {}),
    });
    if (outcome.kind === 'adopted') return { job: outcome.job };
    if (outcome.kind === 'ambiguous') {
      throw new CreateOutcomeUnknownError({ operation, candidateIds: outcome.candidateIds, cause: error });
    }
    if (outcome.kind === 'unreadable') {
      throw new CreateOutcomeUnknownError({ operation, candidateIds: [], cause: error });
    }
    // No job was started: the create may be sent again, once, with the same key.
    if (retried || runtime.retry.maxAttempts < 2) throw error;
    const again = runtime.clock.now();
    try {
      return await attempt(signal);
    } catch (next) {
      if (!isOutcomeUnknown(next) || signal.aborted) throw next;
      return reconcile(match, next, again, signal, true);
    }
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
        result = await send(scope.signal);
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
      runtime.remember(result.job.id);
      runtime.observe(result.job);
      return result;
    }
  } catch (error) {
    throw scope.fail(error);
  } finally {
    scope.dispose();
  }
}
