/**
 * The control operations, in-process (part of `emulator.control`) and over HTTP (`/_emulator`,
 * whose routes call these same methods): clock, reset, job dump, faults, webhook deliveries.
 * @module
 */

import type { SoraBackendId } from '@sora-kit/core';
import type { ClockMode, ControllableClock } from '../clock/clock.js';
import { type ClockScopeInfo, type ClockScopes, createClockScopes } from '../clock/clock-scopes.js';
import { MAX_CLOCK_MS, MAX_CLOCK_SPEED } from '../clock/controllable-clock.js';
import type { Engine, EngineSnapshot } from '../engine/engine.js';
import type { FailureRule, FaultConfig, RetiredModel } from '../engine/faults.js';
import type { TimingConfig } from '../engine/job-timing.js';
import type { StoredJobPage, StoredPageOptions } from '../engine/listing-index.js';
import type { QuotaPolicy } from '../engine/quota-policy.js';
import { type TimingProfileName, type TimingSpec, timingProfileOf } from '../engine/timing-profiles.js';
import type { DeploymentMode } from '../http/azure-deployments.js';
import type { WebhookDelivery, WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { hostDelay } from './host-timers.js';
import {
  createHttpFaultStore,
  type HttpFaultList,
  type HttpFaultStore,
  type LatencyFault,
  type RouteFault,
} from './http-fault-store.js';

/** The clock as the control API reports it. */
export interface ClockInfo {
  /** Emulated time, ms since the epoch (of the scope, when one was asked for). */
  readonly nowMs: number;
  /** `real` or `manual`. */
  readonly mode: ClockMode;
  /** Real-mode speed multiplier. */
  readonly speed: number;
  /** The clock scope reported (a credential or a name), when one was asked for. */
  readonly scope?: string;
  /** How far the scope runs ahead of the global clock, ms (with `scope`). */
  readonly offsetMs?: number;
}

/** A change of the clock; every field optional, applied in the order mode, speed, time. */
export interface ClockChange {
  /** Jump to this time (ms; not earlier than now). */
  readonly nowMs?: number;
  /** Switch mode (time is continuous across the switch). */
  readonly mode?: ClockMode;
  /** Change the real-mode speed (> 0). */
  readonly speed?: number;
}

/** Every fault in force, engine and HTTP. */
export interface FaultsView extends FaultConfig, HttpFaultList {}

/** The timing in force. */
export interface TimingInfo {
  /** The profile it equals, or `custom`. */
  readonly profile: TimingProfileName | 'custom';
  /** The values. */
  readonly config: TimingConfig;
}

/** Health summary. */
export interface HealthInfo {
  /** Always `ok` when the emulator answers. */
  readonly status: 'ok';
  /** The clock. */
  readonly clock: ClockInfo;
  /** Stored records (tombstones included). */
  readonly jobs: number;
  /** Whether webhooks are configured. */
  readonly webhooks: boolean;
  /** Azure deployment names: `lenient` (any name is served) or `strict` (only the configured ones). */
  readonly deployments: DeploymentMode;
}

/** The control operations; each HTTP control route calls exactly one of these. */
export interface ControlOperations {
  /** Health summary. */
  health(): HealthInfo;
  /** The timing new jobs get, and the profile it equals (`custom` when changed field by field). */
  timing(): TimingInfo;
  /** Sets the timing of jobs created from now on (a profile name or fields over the current). @throws InvalidConfigError */
  setTiming(timing: TimingSpec): TimingInfo;
  /** The clock: the global one, or `scope`'s (a credential such as `openai:sk-1`, or a scope name). @throws RangeError */
  clockInfo(scope?: string): ClockInfo;
  /**
   * Moves time forward by `ms` (either mode), then announces settled jobs to webhooks. With
   * `scope`, only that clock scope's credentials move (see clock-scopes.ts). @throws RangeError
   */
  advanceClock(ms: number, scope?: string): ClockInfo;
  /** Credentials join the named clock scope `scope` (created if new). @throws RangeError */
  joinClockScope(scope: string, credentials: readonly string[]): ClockScopeInfo;
  /** Every clock scope. */
  clockScopes(): readonly ClockScopeInfo[];
  /** Changes mode, speed and/or time, then announces settled jobs to webhooks. @throws RangeError */
  setClock(change: ClockChange): ClockInfo;
  /** Clears jobs, HTTP faults and engine faults (back to the configured ones); restarts ids. Time is not touched. */
  reset(): void;
  /** Every stored job of every partition with its state now, plus settings and faults. O(stored jobs). */
  snapshot(): EngineSnapshot;
  /** One page of stored jobs (tombstones included) with their state now; O(log n + page). */
  storedJobs(options: StoredPageOptions): StoredJobPage;
  /** The quota policy in force. */
  quota(): QuotaPolicy;
  /** Replaces the quota policy for jobs created from now on; reset restores the configured one. @throws InvalidConfigError */
  setQuota(policy: QuotaPolicy): QuotaPolicy;
  /** Every fault in force. */
  listFaults(): FaultsView;
  /** The next `count` requests to `route` fail with `status`. @throws InvalidRoutePatternError, RangeError */
  injectRouteFault(fault: RouteFault): void;
  /** Delays matching requests by host time. @throws InvalidRoutePatternError, RangeError */
  addLatency(fault: LatencyFault): void;
  /** Jobs created from now on that match fail at a progress with a code and message. @throws InvalidConfigError */
  failJobs(rule: FailureRule): void;
  /** Prompts containing one of these words fail as the service's moderation would (replaces the list). */
  setModerationWords(words: readonly string[]): void;
  /**
   * Every call about `model` answers as after the model's shutdown ("Model retired"). Given a
   * service id (`openai-sora2`, `azure-sora2`, `azure-sora1`) it retires the whole service, as
   * {@link ControlOperations.retireService} does.
   */
  retireModel(model: string, options?: { status?: RetiredModel['status']; message?: string }): void;
  /** Un-retires a model (or a service, given its id). */
  restoreModel(model: string): void;
  /**
   * The whole service answers every route of its dialect as shut down (`--retired`), in its own
   * envelope: status 404 by default, code `service_retired`, the service's shutdown text.
   */
  retireService(
    service: SoraBackendId,
    options?: { status?: RetiredModel['status']; message?: string },
  ): void;
  /** Brings a retired service back. */
  restoreService(service: SoraBackendId): void;
  /** Removes every engine and HTTP fault. */
  clearFaults(): void;
  /** Ended webhook deliveries (empty when webhooks are off). */
  webhookDeliveries(): readonly WebhookDelivery[];
  /** Resolves when no webhook delivery is in flight (tests, shutdown). */
  webhooksIdle(): Promise<void>;
  /** The HTTP fault store the fault middleware reads. */
  readonly httpFaults: HttpFaultStore;
  /** The host-time wait the fault middleware uses for latency. */
  readonly delay: (ms: number) => Promise<void>;
}

/** Options of {@link createControlOperations}. */
export interface ControlOperationsOptions {
  /** The engine. */
  engine: Engine<ControllableClock>;
  /** The clock scopes the engine reads (default: new ones over the engine's clock). */
  scopes?: ClockScopes;
  /** The webhook dispatcher, when webhooks are configured. */
  webhooks?: WebhookDispatcher | null;
  /** The HTTP fault store (default: a new one). */
  httpFaults?: HttpFaultStore;
  /** Host-time wait for latency faults (default: a real timer, see host-timers.ts). */
  delay?: (ms: number) => Promise<void>;
  /** How the emulator treats unknown Azure deployment names (for health; default `lenient`). */
  deploymentMode?: DeploymentMode;
  /** Extra work on reset (e.g. clearing a render cache). */
  onReset?: () => void;
  /** Extra work after each clock move through these operations (e.g. dropping expired media). */
  onClockMove?: (nowMs: number) => void;
  /** Called after every operation that changed state (a durable emulator commits it then). */
  onChange?: () => void;
}

/**
 * Creates the control operations over an engine.
 * @example
 * const control = createControlOperations({ engine });
 * control.injectRouteFault({ route: 'POST /v1/videos', count: 1, status: 503 });
 * control.advanceClock(60_000);
 */
export function createControlOperations(options: ControlOperationsOptions): ControlOperations {
  const { engine } = options;
  const clock = engine.clock;
  const webhooks = options.webhooks ?? null;
  const httpFaults = options.httpFaults ?? createHttpFaultStore();
  const scopes = options.scopes ?? createClockScopes(clock);
  const clockInfo = (scope?: string): ClockInfo => {
    if (scope === undefined) return { nowMs: clock.now(), mode: clock.mode, speed: clock.speed };
    const info = scopes.info(scope);
    return {
      nowMs: info.nowMs,
      mode: clock.mode,
      speed: clock.speed,
      scope: info.scope,
      offsetMs: info.offsetMs,
    };
  };
  const changed = options.onChange ?? (() => {});
  const timingInfo = (): TimingInfo => {
    const config = engine.settings().timing;
    return { profile: timingProfileOf(config), config };
  };
  const afterMove = (): ClockInfo => {
    webhooks?.scan(clock.now());
    options.onClockMove?.(clock.now());
    changed();
    return clockInfo();
  };
  return {
    httpFaults,
    delay: options.delay ?? hostDelay,
    health: () => ({
      status: 'ok',
      clock: clockInfo(),
      jobs: engine.jobCount(),
      webhooks: webhooks !== null,
      deployments: options.deploymentMode ?? 'lenient',
    }),
    clockInfo,
    timing: timingInfo,
    setTiming(timing) {
      engine.configure({ timing });
      return timingInfo();
    },
    advanceClock(ms, scope) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number >= 0');
      const base = scope === undefined ? clock.now() + scopes.maxOffset() : scopes.info(scope).nowMs;
      if (base + Math.floor(ms) > MAX_CLOCK_MS) {
        throw new RangeError(
          `ms ${ms} would move the clock past ${MAX_CLOCK_MS} (the last time a Date can hold); the clock did not move`,
        );
      }
      if (scope === undefined) {
        clock.advance(Math.floor(ms));
        return afterMove();
      }
      // Bring webhooks up to the global now first, so the scope's jump is announced exactly once.
      const now = clock.now();
      webhooks?.scan(now);
      const moved = scopes.advance(scope, ms);
      webhooks?.announce(engine.settledBetween(moved.fromMs, moved.toMs, moved.credentials));
      changed();
      return clockInfo(moved.scope);
    },
    joinClockScope(scope, credentials) {
      const info = scopes.join(scope, credentials);
      changed();
      return info;
    },
    clockScopes: () => scopes.list(),
    setClock(change) {
      // Everything is checked before anything changes: a refused change leaves the clock as it was.
      if (change.nowMs !== undefined && change.nowMs < clock.now()) {
        throw new RangeError(
          `now_ms ${change.nowMs} is earlier than the current time ${clock.now()}; time never goes backwards`,
        );
      }
      if (change.nowMs !== undefined && !(change.nowMs <= MAX_CLOCK_MS)) {
        throw new RangeError(`now_ms ${change.nowMs} is past ${MAX_CLOCK_MS}, the last time a Date can hold`);
      }
      if (
        change.speed !== undefined &&
        !(Number.isFinite(change.speed) && change.speed > 0 && change.speed <= MAX_CLOCK_SPEED)
      ) {
        throw new RangeError(`speed must be a number > 0 and <= ${MAX_CLOCK_SPEED}`);
      }
      if (change.mode !== undefined && change.mode !== 'real' && change.mode !== 'manual') {
        throw new RangeError(`mode must be 'real' or 'manual'`);
      }
      if (change.mode !== undefined) clock.setMode(change.mode);
      if (change.speed !== undefined) clock.setSpeed(change.speed);
      if (change.nowMs !== undefined) clock.set(Math.floor(change.nowMs));
      return afterMove();
    },
    reset() {
      engine.reset();
      httpFaults.clear();
      webhooks?.resetCursor(clock.now());
      options.onReset?.();
      changed();
    },
    snapshot: () => engine.snapshot(),
    quota: () => engine.settings().quota,
    setQuota(policy) {
      const { quota } = engine.configure({ quota: policy });
      changed();
      return quota;
    },
    storedJobs: (page) => engine.storedJobs(page),
    listFaults: () => ({ ...engine.faults.get(), ...httpFaults.list() }),
    injectRouteFault(fault) {
      httpFaults.addRouteFault(fault);
      changed();
    },
    addLatency(fault) {
      httpFaults.addLatency(fault);
      changed();
    },
    failJobs(rule) {
      engine.faults.addFailure(rule);
      changed();
    },
    setModerationWords(words) {
      engine.faults.setModerationWords(words);
      changed();
    },
    retireModel(model, retire) {
      engine.faults.retireModel(model, retire);
      changed();
    },
    restoreModel(model) {
      engine.faults.restoreModel(model);
      changed();
    },
    retireService(service, retire) {
      engine.faults.retireService(service, retire);
    },
    restoreService(service) {
      engine.faults.restoreService(service);
    },
    clearFaults() {
      engine.faults.clear();
      httpFaults.clear();
      changed();
    },
    webhookDeliveries: () => webhooks?.deliveries() ?? [],
    webhooksIdle: () => webhooks?.idle() ?? Promise.resolve(),
  };
}
