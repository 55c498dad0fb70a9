/**
 * The emulator: clock + engine + render cache + one Hono app serving every dialect, and a
 * `listen` that puts it on a port.
 * @module
 */

import { serve } from '@hono/node-server';
import { type BackendId, type Capabilities, resolveCapabilities } from '@sora-kit/core';
import type { Hono } from 'hono';
import { createEmulatorApp } from './app.js';
import type { ControllableClock } from './clock/clock.js';
import { type ClockScopes, createClockScopes } from './clock/clock-scopes.js';
import { createClock } from './clock/controllable-clock.js';
import { wallTimeSource } from './clock/system-time.js';
import { createEmulatorControl, type EmulatorControl } from './emulator-control.js';
import {
  type EmulatorOptions,
  type LogLevel,
  type ResolvedEmulatorOptions,
  resolveEmulatorOptions,
} from './emulator-options.js';
import { createEngine } from './engine/create-engine.js';
import type { Engine } from './engine/engine.js';
import type { EmulatorEnv } from './http/emulator-env.js';
import {
  createRenderCache,
  type RenderCache,
  type RenderRequest,
  renderOwnerKey,
  toMediaJob,
} from './http/render-cache.js';
import { createRenderPool, sharedRenderPool } from './media/render-pool.js';
import type { EmulatorPersistence } from './store/emulator-persistence.js';
import {
  emulatorStateSource,
  notifyingClock,
  restoreEmulatorState,
  resumedClock,
  savedWebhooks,
} from './store/emulator-state.js';
import { startEmulatorWebhooks } from './webhooks/emulator-webhooks.js';

/** A running HTTP server of the emulator. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

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
  /** The base model of an Azure deployment, or undefined when no such deployment is configured. */
  deploymentModel(deployment: string): string | undefined;
  /** Logs at `level` when the configured level lets it through. */
  log(level: Exclude<LogLevel, 'silent'>, message: string): void;
}

/** A complete emulator. */
export interface Emulator extends EmulatorContext {
  /** The Hono app: `app.fetch(request)` or `app.request(path, init)` with no socket. */
  readonly app: Hono<EmulatorEnv>;
  /** Serves the app on `host` (default `127.0.0.1`) and `port` (default 0 = ephemeral). */
  listen(port?: number, host?: string): Promise<EmulatorServer>;
  /**
   * Stops the webhook ticker, closes every server `listen` started (webhook deliveries in
   * flight finish on their own) and ends its own render pool, if `renderWorkers` gave it one
   * (later renders run in-thread). The app still answers `app.fetch`. Safe to call twice.
   */
  close(): Promise<void>;
}

const LEVELS: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

const stderrLogger = (level: string, message: string): void => {
  process.stderr.write(`[sora-emulator] ${level}: ${message}\n`);
};

/**
 * Creates an emulator.
 * @example
 * const emulator = createEmulator({ clock: 'manual', seed: 1 });
 * const res = await emulator.app.request('/v1/videos', { method: 'POST', headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a red balloon' }) });
 * emulator.clock.advance(60_000);
 * const server = await emulator.listen(0); // server.url + '/v1' for the openai SDK
 * await emulator.close(); // every server it listens on, and the webhook ticker
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
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
  // Renders run on worker threads so the event loop keeps answering polls meanwhile.
  // By default every emulator of the process shares one pool; a given size gets its own.
  const ownPool =
    resolved.renderWorkers === undefined || resolved.renderWorkers === 0
      ? null
      : createRenderPool({ size: resolved.renderWorkers });
  const pool = resolved.renderWorkers === 0 ? null : (ownPool ?? sharedRenderPool());
  const media = createRenderCache({
    maxBytes: resolved.renderCacheBytes,
    now: () => clock.now(),
    ...(pool === null ? {} : { render: (request: RenderRequest) => pool.render(toMediaJob(request)) }),
  });
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
  });
  const sink = options.logger ?? stderrLogger;
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
    onChange: checkpoint,
  });
  if (persistence !== null) {
    restoreEmulatorState(persistence, {
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
        webhooks: webhooks?.dispatcher ?? null,
        wallNow: wallTimeSource,
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
    deploymentModel: (deployment) =>
      Object.hasOwn(resolved.deployments, deployment) ? resolved.deployments[deployment] : undefined,
    log,
  };
  const servers = new Set<EmulatorServer>();
  const emulator = { ...context } as Emulator;
  Object.assign(emulator, {
    app: createEmulatorApp(emulator),
    async listen(port = 0, host = '127.0.0.1') {
      const server = await listenOn(emulator, port, host, () => servers.delete(server));
      servers.add(server);
      return server;
    },
    async close() {
      webhooks?.stop();
      await Promise.all([...servers].map((server) => server.close()));
      await ownPool?.close();
    },
  } satisfies Pick<Emulator, 'app' | 'listen' | 'close'>);
  return emulator;
}

function resumeOf(saved: ReturnType<typeof savedWebhooks>) {
  return saved === undefined ? {} : { resume: { cursorMs: saved.cursorMs, pending: saved.pending } };
}

function listenOn(
  emulator: Emulator,
  port: number,
  host: string,
  onClose: () => void,
): Promise<EmulatorServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: emulator.app.fetch, port, hostname: host }, (info) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      let closed: Promise<void> | undefined;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => {
          closed ??= new Promise<void>((done, fail) => {
            onClose();
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
          return closed;
        },
      });
    });
    server.once('error', reject);
  });
}
