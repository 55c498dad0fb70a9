/**
 * One caller-facing operation's stop conditions: the caller's AbortSignal and one overall deadline.
 * @module
 */
import { AbortedError, TimeoutError } from '../errors/index.js';
import type { Delay } from './clock.js';

/** The stop conditions of one operation; see {@link openCallScope}. */
export interface CallScope {
  /** Aborts when the caller aborts or the deadline passes; pass it to every request and delay. */
  readonly signal: AbortSignal;
  /** Turns whatever error ended the operation into `AbortedError`/`TimeoutError` when the scope stopped it. */
  fail(error: unknown, jobId?: string): unknown;
  /** Stops the deadline timer. Call it in `finally`. */
  dispose(): void;
}

/** Options of {@link openCallScope}. */
export interface CallScopeOptions {
  signal?: AbortSignal | undefined;
  /** Overall limit in ms; undefined or Infinity for none. */
  timeoutMs?: number | undefined;
  /** The job the operation is about, for error messages. */
  jobId?: string | undefined;
  delay: Delay;
}

/** Opens a scope whose signal fires on the caller's abort or when `timeoutMs` has passed. */
export function openCallScope({ signal, timeoutMs, jobId, delay }: CallScopeOptions): CallScope {
  const controller = new AbortController();
  // Only a scope with a deadline has a timer to stop: aborting a controller builds a DOMException
  // with a stack, a large share of a plain `get()`'s own cost.
  let timer: AbortController | null = null;
  let timedOut = false;
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && !controller.signal.aborted) {
    timer = new AbortController();
    delay(Math.max(0, timeoutMs), timer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new TimeoutError({ timeoutMs, jobId }));
      },
      () => undefined,
    );
  }
  return {
    signal: controller.signal,
    fail(error, failedJobId) {
      if (!controller.signal.aborted) return error;
      const id = failedJobId ?? jobId;
      if (timedOut) return new TimeoutError({ timeoutMs: timeoutMs ?? 0, jobId: id, cause: error });
      if (AbortedError.isInstance(error) || TimeoutError.isInstance(error)) return error;
      return new AbortedError({ reason: signal?.reason, jobId: id });
    },
    dispose() {
      timer?.abort();
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
