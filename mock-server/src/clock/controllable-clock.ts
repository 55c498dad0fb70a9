/**
 * Clock factories: one implementation that runs in `real` or `manual` mode and can switch.
 * In `real` mode emulated time = start + (source() - origin) * speed, floored to whole ms.
 * @module
 */

import type { ClockMode, ControllableClock, TimeSource } from './clock.js';
import { monotonicTimeSource, wallTimeSource } from './system-time.js';

/**
 * The latest time a clock can show: the largest ms a JavaScript `Date` represents
 * (+275760-09-13). `advance`/`set` past it are refused without moving; real mode stops there.
 */
export const MAX_CLOCK_MS = 8_640_000_000_000_000;

/** Largest real-mode speed multiplier. */
export const MAX_CLOCK_SPEED = 1_000_000;

/** 2026-01-01T00:00:00Z: the default start of a manual clock, so manual runs are reproducible. */
export const DEFAULT_MANUAL_START_MS = Date.UTC(2026, 0, 1);

/** Options of {@link createClock}. */
export interface ClockOptions {
  /** Initial mode (default `real`). */
  mode?: ClockMode;
  /** Emulated time at creation in ms since the epoch (default: wall time for `real`, 2026-01-01 for `manual`). */
  startMs?: number;
  /** `real`-mode speed multiplier, > 0 (default 1). */
  speed?: number;
  /** Monotonic source used in `real` mode (default `performance.now`). */
  source?: TimeSource;
}

function assertFiniteNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
}

function assertWithinDateRange(name: string, at: number): void {
  if (at > MAX_CLOCK_MS) {
    throw new RangeError(
      `${name} would move the clock past ${new Date(MAX_CLOCK_MS).toISOString()}, the latest time a Date can represent (${MAX_CLOCK_MS} ms)`,
    );
  }
}

function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed <= 0 || speed > MAX_CLOCK_SPEED) {
    throw new RangeError(`speed must be a number > 0 and <= ${MAX_CLOCK_SPEED}, got ${String(speed)}`);
  }
}

/**
 * Creates a clock that can run in either mode and switch between them without jumps.
 * @example
 * const clock = createClock({ mode: 'manual', startMs: 0 });
 * clock.advance(1_000); // clock.now() === 1000
 */
export function createClock(options: ClockOptions = {}): ControllableClock {
  const source = options.source ?? monotonicTimeSource;
  let mode: ClockMode = options.mode ?? 'real';
  let speed = options.speed ?? 1;
  assertSpeed(speed);
  const start = options.startMs ?? (mode === 'manual' ? DEFAULT_MANUAL_START_MS : wallTimeSource());
  assertFiniteNonNegative('startMs', start);
  assertWithinDateRange('startMs', start);
  let base = Math.floor(start);
  let origin = source();

  const now = (): number =>
    mode === 'manual' ? base : Math.min(MAX_CLOCK_MS, Math.floor(base + (source() - origin) * speed));
  const rebase = (at: number): void => {
    base = at;
    origin = source();
  };

  return {
    now,
    get mode() {
      return mode;
    },
    get speed() {
      return speed;
    },
    advance(ms) {
      assertFiniteNonNegative('advance(ms)', ms);
      const at = now() + Math.floor(ms);
      assertWithinDateRange(`advance(${ms})`, at);
      rebase(at);
      return base;
    },
    set(ms) {
      assertFiniteNonNegative('set(ms)', ms);
      assertWithinDateRange(`set(${ms})`, ms);
      const current = now();
      if (ms < current) throw new RangeError(`set(ms) cannot move time backwards (${ms} < ${current})`);
      rebase(Math.floor(ms));
      return base;
    },
    setMode(next) {
      if (next !== 'real' && next !== 'manual') throw new RangeError(`unknown clock mode ${String(next)}`);
      rebase(now());
      mode = next;
    },
    setSpeed(next) {
      assertSpeed(next);
      rebase(now());
      speed = next;
    },
  };
}

/**
 * A clock whose time moves only through `advance` / `set` (tests, `--clock manual`).
 * @example
 * const clock = createManualClock(Date.UTC(2026, 0, 1));
 * clock.advance(60_000);
 */
export function createManualClock(
  startMs: number = DEFAULT_MANUAL_START_MS,
  source?: TimeSource,
): ControllableClock {
  return createClock({ mode: 'manual', startMs, ...(source ? { source } : {}) });
}

/** Options of {@link createRealClock}. */
export interface RealClockOptions {
  /** Speed multiplier, > 0 (default 1). */
  speed?: number;
  /** Emulated time at creation (default: host wall time). */
  startMs?: number;
  /** Monotonic source (default `performance.now`). */
  source?: TimeSource;
}

/**
 * A clock that follows a time source at `speed` (the emulator's default, `--speed`).
 * @example
 * const clock = createRealClock({ speed: 10 }); // jobs finish ten times faster
 */
export function createRealClock(options: RealClockOptions = {}): ControllableClock {
  return createClock({ ...options, mode: 'real' });
}
