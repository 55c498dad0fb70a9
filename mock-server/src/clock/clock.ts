/**
 * The emulator's notion of time. Everything time-dependent in the engine reads `now()` from an
 * injected clock; nothing calls `Date.now()` itself.
 * @module
 */

/** `real`: time follows a source at a speed multiplier. `manual`: time moves only when told. */
export type ClockMode = 'real' | 'manual';

/** A read-only clock: what the engine needs. */
export interface Clock {
  /** Emulated time in whole milliseconds since the Unix epoch. */
  now(): number;
  /** The current mode. */
  readonly mode: ClockMode;
}

/** A clock the control API (or a test) can steer. Time never moves backwards. */
export interface ControllableClock extends Clock {
  /** Multiplier applied to the source's elapsed time in `real` mode (1 = wall speed). */
  readonly speed: number;
  /** Moves time forward by `ms` (>= 0) in either mode and returns the new `now()`. */
  advance(ms: number): number;
  /** Jumps to `ms` (must not be earlier than `now()`) and returns it. */
  set(ms: number): number;
  /** Switches mode; `now()` is continuous across the switch. */
  setMode(mode: ClockMode): void;
  /** Changes the `real`-mode speed (> 0); `now()` is continuous across the change. */
  setSpeed(speed: number): void;
}

/** A monotonic time source in milliseconds (e.g. `performance.now`). Only differences are used. */
export type TimeSource = () => number;
