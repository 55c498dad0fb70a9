/**
 * The time sources a `VideoClient` uses, and their real-time defaults.
 * @module
 */

/** Where the client reads the time. */
export interface Clock {
  /** Milliseconds since the epoch (or any fixed origin; only differences matter). */
  now(): number;
}

/**
 * Waits `ms` milliseconds. Must reject (with any error) when `signal` aborts first, and clear
 * its timer then, so an aborted wait keeps nothing alive.
 */
export type Delay = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real clock: `Date.now()`. */
export const systemClock: Clock = { now: () => Date.now() };

/** Longest timeout `setTimeout` takes without firing at once (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/** The real delay: `setTimeout` (chained past 24.8 days), cleared on abort. */
export const systemDelay: Delay = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let remaining = Math.max(0, ms);
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = (): void => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      remaining -= step;
      timer = setTimeout(() => {
        if (remaining > 0) return arm();
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, step);
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
