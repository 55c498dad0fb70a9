/**
 * The emulator without a transport: clock + engine + render cache + webhooks + the one Hono app.
 * Runs wherever `fetch` does (Node, a browser page, a service worker): nothing on this path
 * imports a `node:` module or a Node global. `createEmulator` (`emulator.ts`) adds `listen`.
 * @module
 */

import { resolveCapabilities } from '@sora-kit/core';
import type { Hono } from 'hono';
import { createEmulatorApp } from './app.js';
import { createClockScopes } from './clock/clock-scopes.js';
import { createClock } from './clock/controllable-clock.js';
import { wallTimeSource } from './clock/system-time.js';
import type { EmulatorContext } from './emulator-context.js';
import { createEmulatorControl } from './emulator-control.js';
import { type EmulatorOptions, type LogLevel, resolveEmulatorOptions } from './emulator-options.js';
import { createEngine } from './engine/create-engine.js';
import type { JsonValue } from './engine/job-record.js';
import type { QuotaPolicy } from './engine/quota-policy.js';
import { createDeploymentResolver } from './http/azure-deployments.js';
import type { EmulatorEnv } from './http/emulator-env.js';
import { createRenderCache, type Renderer, renderOwnerKey } from './http/render-cache.js';
import {
  type DurableStatePart,
  emulatorStateSource,
  notifyingCharacterStore,
  notifyingClock,
  restoreEmulatorState,
  resumedClock,
  savedCharacters,
  savedWebhooks,
} from './store/emulator-state.js';
import { createMemoryCharacterStore } from './store/memory-character-store.js';
import { startEmulatorWebhooks } from './webhooks/emulator-webhooks.js';

/** An emulator answering in-process: `app.fetch(request)`, no socket. */
export interface EmulatorCore extends EmulatorContext {
  /** The Hono app: `app.fetch(request)` or `app.request(path, init)` with no socket. */
  readonly app: Hono<EmulatorEnv>;
  /**
   * Stops the webhook ticker (webhook deliveries in flight finish on their own). The app still
   * answers `app.fetch`. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * What a host runtime lends the core (the Node emulator: a worker-thread render pool). Every
 * field is optional; the default is plain JavaScript in the calling thread.
 */
export interface EmulatorHost {
  /** Renders media (default: in-thread `renderMedia`, the same bytes). */
  readonly render?: Renderer;
}

const LEVELS: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** The default log sink off Node: one console line per message. */
const consoleLogger = (level: Exclude<LogLevel, 'silent'>, message: string): void => {
  const line = `[sora-emulator] ${level}: ${message}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
};

/**
 * Creates an emulator that answers in-process, for a browser page, a service worker (MSW's
 * `setupWorker`) or any runtime with `fetch`. The default log sink is the console.
 * @example
 * const emulator = createEmulatorCore({ clock: 'manual', seed: 1 });
 * const res = await emulator.app.request('/v1/videos', { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a red balloon' }) });
 * emulator.clock.advance(60_000);
 */
export function createEmulatorCore(options: EmulatorOptions = {}, host: EmulatorHost = {}): EmulatorCore {
  const resolved = resolveEmulatorOptions(options);
  const persistence = options.persistence ?? null;
  const checkpoint = (): void => persistence?.checkpoint();
  // A durable emulator resumes its saved clock (manual: where it stopped; real: as if it had run on).
  const resumed = persistence === null ? undefined : resumedClock(persistence, wallTimeSource());
  const baseClock = createClock(
    resumed ?? {
      mode: resolved.clock,
      speed: resolved.speed,
      ...(resolved.startMs === undefined ? {} : { startMs: resolved.startMs }),
    },
  );
  const clock = persistence === null ? baseClock : notifyingClock(baseClock, checkpoint);
  const clockScopes = createClockScopes(clock);
  const media = createRenderCache({
    maxBytes: resolved.renderCacheBytes,
    now: () => clock.now(),
    ...(host.render === undefined ? {} : { render: host.render }),
  });
  const memoryCharacters = options.characterStore ?? createMemoryCharacterStore();
  if (persistence !== null) for (const record of savedCharacters(persistence)) memoryCharacters.put(record);
  const characterStore =
    persistence === null ? memoryCharacters : notifyingCharacterStore(memoryCharacters, checkpoint);
  const engine = createEngine({
    clock,
    offsets: clockScopes,
    seed: resolved.seed,
    quota: resolved.quota,
    retentionHours: resolved.retentionHours,
    timing: resolved.timing,
    ...(persistence !== null
      ? { store: persistence.store }
      : options.store === undefined
        ? {}
        : { store: options.store }),
    // A deleted job's cached media is freed at once; an expired job's on the next cache use or clock move.
    onDeleted: (record) => media.forget(renderOwnerKey(record)),
    characterStore,
    ...(resolved.retired.length === 0
      ? {}
      : {
          faults: { retiredServices: resolved.retired.map((service) => ({ service, status: 404 as const })) },
        }),
  });
  const sink = options.logger ?? consoleLogger;
  const log = (level: Exclude<LogLevel, 'silent'>, message: string): void => {
    if (LEVELS[level] <= LEVELS[resolved.logLevel]) sink(level, message);
  };
  // Webhooks (control helper): one ticker scans the clock for settled jobs; off unless configured.
  const webhooks =
    resolved.webhookUrl === undefined && resolved.webhookSecret === undefined
      ? null
      : startEmulatorWebhooks({
          engine,
          url: resolved.webhookUrl,
          secret: resolved.webhookSecret,
          log,
          ...(persistence === null ? {} : { onChange: checkpoint }),
          ...(persistence === null ? {} : resumeOf(savedWebhooks(persistence))),
        });
  const control = createEmulatorControl({
    clock,
    scopes: clockScopes,
    engine,
    media,
    webhooks: webhooks?.dispatcher ?? null,
    deploymentMode: resolved.deploymentMode,
    onChange: checkpoint,
  });
  // Further synchronous stores beside the JobStore register their state here to persist with
  // --data (e.g. Sora 2 characters: { key: 'characters', save, restore }); see DurableStatePart.
  const durableParts: DurableStatePart[] = [
    // The quota policy set through POST /_emulator/quota (reset brings back the configured one).
    {
      key: 'quota',
      save: () => engine.settings().quota as unknown as JsonValue,
      restore: (value) => void engine.configure({ quota: value as unknown as QuotaPolicy }),
    },
  ];
  if (persistence !== null) {
    restoreEmulatorState(persistence, {
      parts: durableParts,
      ids: engine.ids,
      faults: engine.faults,
      httpFaults: control.httpFaults,
      scopes: clockScopes,
    });
    persistence.setStateSource(
      emulatorStateSource({
        clock,
        ids: engine.ids,
        faults: engine.faults,
        httpFaults: control.httpFaults,
        scopes: clockScopes,
        parts: durableParts,
        webhooks: webhooks?.dispatcher ?? null,
        wallNow: wallTimeSource,
        characters: memoryCharacters,
      }),
    );
    persistence.checkpoint();
  }
  const context: EmulatorContext = {
    clock,
    clockScopes,
    engine,
    control,
    options: resolved,
    media,
    persistence,
    capabilities(backend, model, deploymentModel) {
      return resolveCapabilities(backend, model, {
        ...resolved.capabilities,
        ...(deploymentModel === undefined ? {} : { deploymentModel }),
      });
    },
    deploymentModel: createDeploymentResolver({
      deployments: resolved.deployments,
      mode: resolved.deploymentMode,
      log: (message) => log('info', message),
    }),
    log,
  };
  return {
    ...context,
    app: createEmulatorApp(context),
    async close() {
      webhooks?.stop();
    },
  };
}

function resumeOf(saved: ReturnType<typeof savedWebhooks>) {
  return saved === undefined ? {} : { resume: { cursorMs: saved.cursorMs, pending: saved.pending } };
}
