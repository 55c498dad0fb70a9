/**
 * A client `delay` that moves a manual emulator clock instead of waiting.
 * @module
 */
import type { ControllableClock } from '@sora-kit/emulator';

/**
 * Returns a `delay(ms, signal?)` for `createVideoClient` that advances `clock` by `ms` and
 * resolves at once: polls, backoff and `retry-after` waits take no real time, in emulated-time
 * order, for one client at a time (several concurrent waiters each advance the shared clock).
 * Rejects with `signal.reason` when the signal is already aborted.
 * @example
 * const { emulator } = createSoraHandlers({ clock: 'manual' });
 * const client = createVideoClient({ backend: 'openai-sora2', apiKey: 'sk-test', clock: emulator.clock, delay: createAdvancingDelay(emulator.clock) });
 */
export function createAdvancingDelay(
  clock: ControllableClock,
): (ms: number, signal?: AbortSignal) => Promise<void> {
  return (ms, signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    clock.advance(Math.max(0, Number.isFinite(ms) ? ms : 0));
    return Promise.resolve();
  };
}
