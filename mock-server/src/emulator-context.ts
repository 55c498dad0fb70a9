/**
 * What every route of the emulator receives: clock, engine, control, options, media, the
 * capability lookup and the logger. No transport here: the Node server (`emulator.ts`) and the
 * in-process core (`emulator-core.ts`) both build on it, and the dialects import only this file,
 * so there is no import circle between the app, the dialects and the server.
 * @module
 */

import type { BackendId, Capabilities } from '@sora-kit/core';
import type { ControllableClock } from './clock/clock.js';
import type { ClockScopes } from './clock/clock-scopes.js';
import type { EmulatorControl } from './emulator-control.js';
import type { LogLevel, ResolvedEmulatorOptions } from './emulator-options.js';
import type { Engine } from './engine/engine.js';
import type { JobKind } from './engine/job-record.js';
import type { RenderCache } from './http/render-cache.js';
import type { EmulatorPersistence } from './store/emulator-persistence.js';

/** Everything the routes need: the emulator minus its app. Dialects receive this. */
export interface EmulatorContext {
  /** The global clock (`manual` mode: `clock.advance(ms)`). */
  readonly clock: ControllableClock;
  /** Clock scopes: time of its own for a credential or a named scope (`control.advanceClock(ms, scope)`). */
  readonly clockScopes: ClockScopes;
  /** The job engine. */
  readonly engine: Engine<ControllableClock>;
  /** In-process control (clock, faults, reset, jobs). */
  readonly control: EmulatorControl;
  /** Options after defaults. */
  readonly options: ResolvedEmulatorOptions;
  /** Rendered media, cached by render parameters. */
  readonly media: RenderCache;
  /** Durable storage (`persistence` option, `--data`), or null when state lives in memory only. */
  readonly persistence: EmulatorPersistence | null;
  /**
   * Capabilities of a backend and model (Azure: `model` is the deployment name, `deploymentModel`
   * its base model), with the configured overrides. @throws ValidationError for an unknown model
   */
  capabilities(backend: BackendId, model?: string, deploymentModel?: string): Capabilities;
  /**
   * The base model serving an Azure deployment on the routes of `kind`: the configured one;
   * for an unknown name the route's base model in lenient mode (logged once), undefined in
   * strict mode (`deployments` given).
   */
  deploymentModel(deployment: string, kind: JobKind): string | undefined;
  /** Logs at `level` when the configured level lets it through. */
  log(level: Exclude<LogLevel, 'silent'>, message: string): void;
}
