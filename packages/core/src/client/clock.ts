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

/** The real delay: `setTimeout`, cleared on abort. */
export const systemDelay: Delay = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
