/**
 * Options of {@link createEmulator} and their resolved form.
 * @module
 */

import type { CapabilityOverrides, CapabilityTable, SoraBackendId } from '@sora-kit/core';
import type { ClockMode } from './clock/clock.js';
import type { QuotaPolicy } from './engine/quota-policy.js';
import type { TimingProfileName, TimingSpec } from './engine/timing-profiles.js';
import type { DeploymentMode } from './http/azure-deployments.js';
import type { CharacterStore } from './store/character-store.js';
import type { EmulatorPersistence } from './store/emulator-persistence.js';
import type { JobStore } from './store/job-store.js';

/** How much the emulator logs (to `logger`, default stderr). */
export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/** Request size limits; over them the dialects answer 413 before buffering more. */
export interface EmulatorLimits {
  /** Largest multipart body in bytes (default 50 MiB). */
  maxUploadBytes: number;
  /**
   * Largest JSON body in bytes (default 30 MiB: room for a data-URL `image_url`, whose contract
   * limit is 20971520 characters, plus the other fields).
   */
  maxJsonBytes: number;
}

/** Capability table changes for request validation, passed to core's `resolveCapabilities`. */
export interface EmulatorCapabilityOptions {
  /** A whole replacement table (default `DEFAULT_CAPABILITIES`). */
  table?: CapabilityTable;
  /** Changes merged over every model's entry (e.g. `{ seconds: [4, 8, 12, 16, 20] }`). */
  overrides?: CapabilityOverrides;
}

/** Options of {@link createEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** Clock mode (default `real`). `manual`: time moves only through `clock.advance`/`set`. */
  clock?: ClockMode;
  /** `real`-mode speed multiplier (default 1). */
  speed?: number;
  /** Emulated time at start, ms since the epoch (default: now for `real`, 2026-01-01 for `manual`). */
  startMs?: number;
  /** Seed of every id (default `'sora-kit'`): same seed, clock and requests give the same bytes. */
  seed?: string | number;
  /** The only key accepted. Default: any non-empty key (each key is its own partition). */
  apiKey?: string;
  /**
   * Key the dashboard (`/`) and the control API (`/_emulator/*`) require, sent as the
   * `x-emulator-key` header, `Authorization: Bearer KEY` or `?key=KEY`. Default: none (open, for
   * loopback use). `sora-emulator serve` on a non-loopback host sets it to `--control-key` or
   * `--api-key` and refuses to start without one.
   */
  controlKey?: string;
  /** Shorthand for `quota: 'concurrent:N'` (ignored when `quota` is given). */
  maxConcurrent?: number;
  /** Quota per credential and API family: `concurrent:2` (default), `rate:2/min`, `none`, or a policy. */
  quota?: string | QuotaPolicy;
  /** How long jobs stay after their expiry basis, hours (default 24). */
  retentionHours?: number;
  /**
   * Timing profile (`realistic` or `fast`) or fields over one. Default: `realistic` with the
   * manual clock (time is free; each state lasts a poll interval), `fast` with the real clock.
   */
  timing?: TimingSpec;
  /** Request size limits. */
  limits?: Partial<EmulatorLimits>;
  /**
   * Azure deployments: deployment name -> base model (`sora-2`, `sora-2-pro`, `sora`). Giving it
   * switches to strict mode: only these names exist, and a `model` that names no deployment
   * answers Azure's 404 "The API deployment ... does not exist". Default (lenient):
   * `{ 'sora-2': 'sora-2', 'sora-2-pro': 'sora-2-pro', sora: 'sora' }`, and any other name is
   * served by the route's base model (`sora` for jobs, `sora-2` for videos), logged once.
   */
  deployments?: Readonly<Record<string, string>>;
  /** Capability table changes used to validate create requests. */
  capabilities?: EmulatorCapabilityOptions;
  /** Where `video.completed` / `video.failed` webhooks go (OpenAI host). */
  webhookUrl?: string;
  /** Standard Webhooks secret (`whsec_…`) used to sign webhooks. */
  webhookSecret?: string;
  /** Log level (default `warn`). */
  logLevel?: LogLevel;
  /** Log sink (default: one line to stderr). */
  logger?: (level: Exclude<LogLevel, 'silent'>, message: string) => void;
  /** Job storage (default in memory). Ignored when `persistence` is given. */
  store?: JobStore;
  /**
   * Durable state (`openEmulatorData(dir)` from `@sora-kit/emulator/data`, `--data DIR`): jobs,
   * inputs, clock, id streams, faults and webhook progress survive restarts and kill -9. The
   * saved clock wins over `clock` / `speed` / `startMs` once the directory holds state.
   */
  persistence?: EmulatorPersistence;
  /**
   * Services that answer every route as shut down (`--retired`), e.g. `['openai-sora2']`; also
   * restored by `reset()`. Change at runtime with `control.faults.retireService`.
   */
  retired?: readonly SoraBackendId[];
  /** Character storage (default: in memory); characters never expire. */
  characterStore?: CharacterStore;
  /** Largest total size of cached renders in bytes (default 256 MiB). */
  renderCacheBytes?: number;
  /**
   * Worker threads that render media off the event loop. Default: the process-wide pool
   * (available cores minus one, at least 1) shared by every emulator; a number gives this
   * emulator its own pool of that size, ended by `close()`; `0` renders in-thread.
   */
  renderWorkers?: number;
}

/** The options after defaults, as `emulator.options` exposes them. */
export interface ResolvedEmulatorOptions {
  /** Initial clock mode. */
  readonly clock: ClockMode;
  /** Initial speed. */
  readonly speed: number;
  /** Start time given, if any. */
  readonly startMs: number | undefined;
  /** Id seed. */
  readonly seed: string | number;
  /** Required key, if any. */
  readonly apiKey: string | undefined;
  /** Key of the dashboard and control API, if any. */
  readonly controlKey: string | undefined;
  /** Initial quota (spec string or policy). */
  readonly quota: string | QuotaPolicy;
  /** Retention hours. */
  readonly retentionHours: number;
  /** Timing spec in force at start (a profile name, or fields over the clock mode's profile). */
  readonly timing: TimingSpec;
  /** Size limits. */
  readonly limits: EmulatorLimits;
  /** Azure deployments (name -> base model). */
  readonly deployments: Readonly<Record<string, string>>;
  /** `strict` when `deployments` was given, else `lenient`. */
  readonly deploymentMode: DeploymentMode;
  /** Capability changes. */
  readonly capabilities: EmulatorCapabilityOptions;
  /** Webhook target. */
  readonly webhookUrl: string | undefined;
  /** Webhook secret. */
  readonly webhookSecret: string | undefined;
  /** Log level. */
  readonly logLevel: LogLevel;
  /** Render cache bound. */
  readonly renderCacheBytes: number;
  /** Render worker threads (0 = in-thread); undefined = the pool's default size. */
  readonly renderWorkers: number | undefined;
  /** Services retired from the start. */
  readonly retired: readonly SoraBackendId[];
}

/** Default request size limits. */
export const DEFAULT_LIMITS: EmulatorLimits = Object.freeze({
  maxUploadBytes: 50 * 1024 * 1024,
  maxJsonBytes: 30 * 1024 * 1024,
});

/** Default Azure deployments: each base model deployed under its own name. */
export const DEFAULT_DEPLOYMENTS: Readonly<Record<string, string>> = Object.freeze({
  'sora-2': 'sora-2',
  'sora-2-pro': 'sora-2-pro',
  sora: 'sora',
});

/** The clock mode's default timing profile: `realistic` for manual, `fast` for real. */
export function defaultTimingProfile(clock: ClockMode): TimingProfileName {
  return clock === 'manual' ? 'realistic' : 'fast';
}

function resolveTimingSpec(timing: TimingSpec | undefined, clock: ClockMode): TimingSpec {
  if (timing === undefined) return defaultTimingProfile(clock);
  if (typeof timing === 'string' || timing.profile !== undefined) return timing;
  return { profile: defaultTimingProfile(clock), ...timing };
}

/** Applies defaults. */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const quota =
    options.quota ??
    (options.maxConcurrent === undefined ? 'concurrent:2' : `concurrent:${options.maxConcurrent}`);
  return Object.freeze({
    clock: options.clock ?? 'real',
    speed: options.speed ?? 1,
    startMs: options.startMs,
    seed: options.seed ?? 'sora-kit',
    apiKey: options.apiKey,
    controlKey: options.controlKey,
    quota,
    retentionHours: options.retentionHours ?? 24,
    timing: resolveTimingSpec(options.timing, options.clock ?? 'real'),
    limits: Object.freeze({ ...DEFAULT_LIMITS, ...options.limits }),
    deployments: Object.freeze({ ...(options.deployments ?? DEFAULT_DEPLOYMENTS) }),
    deploymentMode: options.deployments === undefined ? 'lenient' : 'strict',
    capabilities: options.capabilities ?? {},
    webhookUrl: options.webhookUrl,
    webhookSecret: options.webhookSecret,
    logLevel: options.logLevel ?? 'warn',
    renderCacheBytes: options.renderCacheBytes ?? 256 * 1024 * 1024,
    renderWorkers: options.renderWorkers,
    retired: Object.freeze([...(options.retired ?? [])]),
  });
}
