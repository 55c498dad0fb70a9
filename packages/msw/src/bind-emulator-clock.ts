/**
 * Makes a controllable clock follow another time source, such as the `Date.now()` that
 * `vi.useFakeTimers()` mocks.
 * @module
 */
import type { ControllableClock } from '@sora-kit/emulator';

/** A time source in milliseconds; only its forward differences are used. */
export type TimeSource = () => number;

/**
 * Binds `clock` to `source`: each call of the returned `sync()` moves `clock` forward by however
 * much `source` moved since the previous call (or since binding), and returns `clock.now()`.
 * A source that goes backwards (fake timers reinstalled, `setSystemTime` to the past) moves
 * nothing: the emulator's time never goes backwards, it just follows the source from there.
 * The handlers call `sync()` before every request they hand to the emulator.
 * @example
 * vi.useFakeTimers();
 * const sync = bindEmulatorClock(emulator.clock, () => Date.now());
 * vi.advanceTimersByTime(10_000);
 * sync(); // emulator.clock moved 10 s
 */
export function bindEmulatorClock(clock: ControllableClock, source: TimeSource): () => number {
  let last = source();
  return () => {
    const now = source();
    if (Number.isFinite(now) && now > last) clock.advance(now - last);
    if (Number.isFinite(now)) last = now;
    return clock.now();
  };
}
