/**
 * How `VideoClient.wait` spaces its polls when the caller and the service give no interval.
 * @module
 */

/** Polling defaults of a client. */
export interface PollOptions {
  /** First wait between polls when neither the caller nor the service gives one (default 5000 ms). */
  intervalMs?: number;
  /** Floor of the adaptive wait (default 1000 ms). */
  minIntervalMs?: number;
  /** Ceiling of the adaptive wait (default 20000 ms; OpenAI advises polling every 10-20 s). */
  maxIntervalMs?: number;
  /** Factor the adaptive wait grows by after each unfinished poll (default 1.25; 1 keeps it constant). */
  backoff?: number;
  /** Default overall limit of `wait()` (default 30 min; `Infinity` for none). */
  timeoutMs?: number;
}

/** {@link PollOptions} with every default filled in. */
export type ResolvedPollOptions = Required<PollOptions>;

/** The defaults of {@link PollOptions}. */
export const DEFAULT_POLL_OPTIONS: ResolvedPollOptions = {
  intervalMs: 5000,
  minIntervalMs: 1000,
  maxIntervalMs: 20_000,
  backoff: 1.25,
  timeoutMs: 30 * 60_000,
};

/**
 * The wait before the next poll: the caller's `pollIntervalMs` if given, else the service's
 * `openai-poll-after-ms` hint, else `intervalMs * backoff^polls` clamped to [min, max].
 */
export function nextPollDelay(
  polls: number,
  options: ResolvedPollOptions,
  callerIntervalMs: number | undefined,
  hintMs: number | undefined,
): number {
  if (callerIntervalMs !== undefined) return Math.max(0, callerIntervalMs);
  if (hintMs !== undefined && Number.isFinite(hintMs)) return Math.max(0, hintMs);
  const adaptive = options.intervalMs * options.backoff ** polls;
  return Math.round(Math.min(options.maxIntervalMs, Math.max(options.minIntervalMs, adaptive)));
}
