/**
 * Wait hints (`retry-after`, `retry-after-ms`, `openai-poll-after-ms`) in the client's wall time.
 * Engine durations are emulated ms; under a real clock at `--speed X` they pass X times faster
 * than the client's own clock, so a client that sleeps for the hint comes back at the right moment.
 * With the manual clock nothing passes by itself and the hint stays in emulated ms.
 * @module
 */

import type { ControllableClock } from '../clock/clock.js';

/** What a hint depends on: the clock's mode and speed. */
export type HintClock = Pick<ControllableClock, 'mode' | 'speed'>;

/**
 * An emulated duration as the client's wall-clock wait: divided by the real clock's speed,
 * rounded up, at least 1 ms.
 * @example
 * clientWaitMs(60_000, { mode: 'real', speed: 10 }); // 6000
 */
export function clientWaitMs(emulatedMs: number, clock: HintClock): number {
  const speed = clock.mode === 'real' ? clock.speed : 1;
  return Math.max(1, Math.ceil(emulatedMs / speed));
}

/**
 * `retry-after` (whole seconds, rounded up, >= 1) and `retry-after-ms` for an emulated wait.
 * @example
 * retryAfterHeaders(1500, { mode: 'manual', speed: 1 }); // { 'retry-after': '2', 'retry-after-ms': '1500' }
 */
export function retryAfterHeaders(
  emulatedMs: number,
  clock: HintClock,
): { 'retry-after': string; 'retry-after-ms': string } {
  const ms = clientWaitMs(emulatedMs, clock);
  return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))), 'retry-after-ms': String(ms) };
}
