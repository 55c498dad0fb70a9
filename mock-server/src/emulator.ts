/**
 * The emulator on Node: the in-process core (`emulator-core.ts`) plus a `listen` that puts its
 * app on a port with `@hono/node-server`, and a stderr log sink. The only Node-bound part of the
 * emulator's composition; `@sora-kit/emulator/browser` leaves it out.
 * @module
 */

import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createEmulatorCore, type EmulatorCore } from './emulator-core.js';
import type { EmulatorOptions, LogLevel } from './emulator-options.js';
import { lingerBeforeClose } from './http/lingering-close.js';
import { type RenderRequest, toMediaJob } from './http/render-cache.js';
import { createRenderPool, sharedRenderPool } from './media/render-pool.js';

export type { EmulatorContext } from './emulator-context.js';

/** A running HTTP server of the emulator. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** A complete emulator: the in-process core plus an HTTP server. */
export interface Emulator extends EmulatorCore {
  /** Serves the app on `host` (default `127.0.0.1`) and `port` (default 0 = ephemeral). */
  listen(port?: number, host?: string): Promise<EmulatorServer>;
  /**
   * Stops the webhook ticker, closes every server `listen` started (webhook deliveries in
   * flight finish on their own) and ends its own render pool, if `renderWorkers` gave it one
   * (later renders run in-thread). The app still answers `app.fetch`. Safe to call twice.
   */
  close(): Promise<void>;
}

const stderrLogger = (level: Exclude<LogLevel, 'silent'>, message: string): void => {
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
  // Renders run on worker threads so the event loop keeps answering polls meanwhile.
  // By default every emulator of the process shares one pool; a given size gets its own.
  const workers = options.renderWorkers;
  const ownPool = workers === undefined || workers === 0 ? null : createRenderPool({ size: workers });
  const pool = workers === 0 ? null : (ownPool ?? sharedRenderPool());
  const core = createEmulatorCore(
    { ...options, logger: options.logger ?? stderrLogger },
    pool === null
      ? {}
      : {
          render: async (request: RenderRequest, onPart?: (part: Uint8Array) => void) =>
            pool.render(await toMediaJob(request), onPart),
        },
  );
  const servers = new Set<EmulatorServer>();
  return {
    ...core,
    async listen(port = 0, host = '127.0.0.1') {
      const server = await listenOn(core, port, host, () => servers.delete(server));
      servers.add(server);
      return server;
    },
    async close() {
      await core.close();
      await Promise.all([...servers].map((server) => server.close()));
      await ownPool?.close();
    },
  };
}

function listenOn(
  emulator: EmulatorCore,
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
    lingerBeforeClose(server as Server);
    server.once('error', reject);
  });
}
