/**
 * The in-process control object: what `/_emulator` routes and tests use to steer the emulator.
 * Built in one function so the control API can add fields in one place.
 * @module
 */

import type { ControllableClock } from './clock/clock.js';
import type { Engine, EngineSnapshot } from './engine/engine.js';
import type { FaultController } from './engine/faults.js';
import type { RenderCache } from './http/render-cache.js';

/** Steering handles of a running emulator. */
export interface EmulatorControl {
  /** The clock (advance, set, setMode, setSpeed). */
  readonly clock: ControllableClock;
  /** Engine faults (failures, moderation words, retired models). */
  readonly faults: FaultController;
  /** Clears jobs, settings, faults, ids and the render cache; the clock is not touched. */
  reset(): void;
  /** Every stored job with its state now (tombstones included). */
  jobs(): EngineSnapshot['jobs'];
}

/** What {@link createEmulatorControl} needs. */
export interface EmulatorControlParts {
  /** The clock. */
  readonly clock: ControllableClock;
  /** The engine. */
  readonly engine: Engine<ControllableClock>;
  /** The render cache. */
  readonly media: RenderCache;
}

/**
 * Builds the control object.
 * @example
 * const control = createEmulatorControl({ clock, engine, media });
 * control.faults.retireModel('sora-2', { status: 410 });
 */
export function createEmulatorControl(parts: EmulatorControlParts): EmulatorControl {
  return {
    clock: parts.clock,
    faults: parts.engine.faults,
    reset() {
      parts.engine.reset();
      parts.media.clear();
    },
    jobs: () => parts.engine.snapshot().jobs,
  };
}
