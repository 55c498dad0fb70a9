/**
 * The in-process control object: what `/_emulator` routes and tests use to steer the emulator.
 * Built in one function so the control API can add fields in one place.
 * @module
 */

import type { ControllableClock } from './clock/clock.js';
import type { ClockScopes } from './clock/clock-scopes.js';
import { type ControlOperations, createControlOperations } from './control/control-operations.js';
import type { Engine, EngineSnapshot } from './engine/engine.js';
import type { FaultController } from './engine/faults.js';
import type { DeploymentMode } from './http/azure-deployments.js';
import type { RenderCache } from './http/render-cache.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

/**
 * Steering handles of a running emulator: the control operations (`/_emulator` calls the same
 * ones: clock, reset, faults, jobs, webhooks) plus direct handles on the clock and engine faults.
 */
export interface EmulatorControl extends ControlOperations {
  /** The clock (advance, set, setMode, setSpeed). */
  readonly clock: ControllableClock;
  /** Engine faults (failures, moderation words, retired models). */
  readonly faults: FaultController;
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
  /** The webhook dispatcher, when webhooks are configured. */
  readonly webhooks?: WebhookDispatcher | null;
  /** How unknown Azure deployment names are treated (reported by health). */
  readonly deploymentMode?: DeploymentMode;
  /** Host-time wait for latency faults (default: a real timer). */
  readonly delay?: (ms: number) => Promise<void>;
  /** Called after every control change (a durable emulator commits it). */
  readonly onChange?: () => void;
  /** The clock scopes the engine reads. */
  readonly scopes?: ClockScopes;
}

/**
 * Builds the control object.
 * @example
 * const control = createEmulatorControl({ clock, engine, media });
 * control.faults.retireModel('sora-2', { status: 410 });
 */
export function createEmulatorControl(parts: EmulatorControlParts): EmulatorControl {
  const operations = createControlOperations({
    engine: parts.engine,
    webhooks: parts.webhooks ?? null,
    ...(parts.delay === undefined ? {} : { delay: parts.delay }),
    ...(parts.deploymentMode === undefined ? {} : { deploymentMode: parts.deploymentMode }),
    onReset: () => parts.media.clear(),
    onClockMove: (nowMs) => parts.media.expire(nowMs),
    ...(parts.onChange === undefined ? {} : { onChange: parts.onChange }),
    ...(parts.scopes === undefined ? {} : { scopes: parts.scopes }),
  });
  return {
    ...operations,
    clock: parts.clock,
    faults: parts.engine.faults,
    jobs: () => parts.engine.snapshot().jobs,
  };
}
