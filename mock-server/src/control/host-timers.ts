/**
 * The host timers the emulator's composition edge injects (like `clock/system-time.ts` for
 * time): the real `delay` of latency faults and webhook retries, and the webhook ticker.
 * Nothing else in the emulator calls `setTimeout` or `setInterval`.
 * @module
 */

/** Resolves after `ms` of host time. */
export function hostDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls `tick` every `ms` of host time without keeping the process alive; returns a stop function. */
export function hostInterval(tick: () => void, ms: number): () => void {
  const handle = setInterval(tick, ms);
  handle.unref();
  return () => clearInterval(handle);
}
