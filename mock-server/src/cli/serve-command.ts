/**
 * `sora-emulator serve`: runs the emulator on a port until SIGINT/SIGTERM/SIGHUP (or an abort signal),
 * logging one line per request at `--log-level info`.
 * @module
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createEmulator, type Emulator } from '../emulator.js';
import { lingerBeforeClose } from '../http/lingering-close.js';
import { type EmulatorData, EmulatorDataError, openEmulatorData } from '../store/emulator-data.js';
import { createBatchedLineWriter } from './batched-line-writer.js';
import type { CommandIo } from './render-command.js';
import { displayHost, serveBanner } from './serve-banner.js';
import { parseServeArgs, SERVE_USAGE, ServeUsageError } from './serve-options.js';

/** Options of {@link runServeCommand} (the defaults are the process's). */
export interface ServeCommandOptions {
  /** Environment (`PORT`, `HOST`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Stops the server when aborted; default: SIGINT, SIGTERM or SIGHUP. */
  signal?: AbortSignal;
  /** Called once listening (tests use the emulator and URL). */
  onListening?: (server: { url: string; port: number; emulator: Emulator }) => void;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Host ms within which a repeated stop signal is the same stop (a terminal's Ctrl+C reaches a wrapper and us). */
const REPEAT_MS = 1000;

function processSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let firstAt = 0;
  const stop = () => {
    if (!controller.signal.aborted) {
      firstAt = performance.now();
      controller.abort();
      return;
    }
    // A later signal, while shutting down, stops at once.
    if (performance.now() - firstAt > REPEAT_MS) process.exit(130);
  };
  for (const name of STOP_SIGNALS) process.on(name, stop);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of STOP_SIGNALS) process.off(name, stop);
    },
  };
}

/**
 * Runs `sora-emulator serve` with the arguments after the command name; resolves to the exit
 * code once stopped (0 stopped cleanly, 1 could not start, 2 bad usage).
 * @example
 * const stop = new AbortController();
 * const done = runServeCommand(['--clock', 'manual', '--port', '0'], process, { signal: stop.signal });
 * stop.abort();
 * await done; // 0
 */
export async function runServeCommand(
  argv: string[],
  io: CommandIo = process,
  options: ServeCommandOptions = {},
): Promise<number> {
  let config: ReturnType<typeof parseServeArgs>;
  try {
    config = parseServeArgs(argv, options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ServeUsageError)) throw error;
    io.stderr.write(`sora-emulator: ${error.message}\nRun "sora-emulator --help" for usage.\n`);
    return 2;
  }
  if (config.help) {
    io.stdout.write(SERVE_USAGE);
    return 0;
  }
  let data: EmulatorData | undefined;
  if (config.dataDir !== undefined) {
    try {
      data = openEmulatorData(config.dataDir, { reset: config.reset });
    } catch (error) {
      if (!(error instanceof EmulatorDataError)) throw error;
      io.stderr.write(`sora-emulator: ${error.message}\n`);
      return 1;
    }
  }
  const out = createBatchedLineWriter(io.stdout);
  let emulator: Emulator;
  try {
    emulator = createEmulator({
      ...config.emulator,
      ...(data === undefined ? {} : { persistence: data }),
      // info/debug lines (one per request) are batched; warnings and errors go out at once,
      // after the batch, so the order of lines is kept.
      logger: (level, message) => {
        if (level === 'error' || level === 'warn') {
          out.flush();
          io.stderr.write(`[sora-emulator] ${level}: ${message}\n`);
        } else out.write(`[sora-emulator] ${level}: ${message}`);
      },
    });
  } catch (error) {
    data?.close();
    io.stderr.write(`sora-emulator: ${(error as Error).message}\n`);
    return 2;
  }
  const logRequests = config.logLevel === 'info' || config.logLevel === 'debug';
  const logLine = (request: Request, response: Response, started: number): void => {
    // At debug level the line carries the request id, a debug detail, and says so.
    const debug = config.logLevel === 'debug';
    const id = debug ? ` ${response.headers.get('x-request-id') ?? ''}` : '';
    emulator.log(
      debug ? 'debug' : 'info',
      `${request.method} ${pathAndQuery(request.url)} ${response.status} ${(performance.now() - started).toFixed(1)} ms${id}`,
    );
  };
  // Not an async wrapper: a handler that answers synchronously keeps @hono/node-server's fast
  // path for plain responses (a promise would cost a share of every poll).
  const fetch: typeof emulator.app.fetch = logRequests
    ? (request, ...rest) => {
        const started = performance.now();
        const answer = emulator.app.fetch(request, ...rest);
        if (answer instanceof Response) {
          logLine(request, answer, started);
          return answer;
        }
        return answer.then((response) => {
          logLine(request, response, started);
          return response;
        });
      }
    : emulator.app.fetch;

  const signals =
    options.signal === undefined ? processSignal() : { signal: options.signal, dispose: () => {} };
  const server = serve({ fetch, port: config.port, hostname: config.host });
  lingerBeforeClose(server as Server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    signals.dispose();
    await emulator.close();
    data?.close();
    io.stderr.write(
      `sora-emulator: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(config.host)}:${port}`;
  out.flush();
  io.stdout.write(
    serveBanner({
      url,
      clock: emulator.clock.mode,
      timing: emulator.control.timing().profile,
      apiKey: config.emulator.apiKey,
      controlKey: config.emulator.controlKey,
      state:
        data === undefined ? null : { file: data.location, resumed: data.resumed, jobs: countJobs(emulator) },
    }),
  );
  options.onListening?.({ url, port, emulator });

  await new Promise<void>((resolve) => {
    if (signals.signal.aborted) resolve();
    else signals.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  signals.dispose();
  out.flush();
  io.stdout.write('\nsora-kit emulator: shutting down\n');
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  await emulator.close();
  out.flush();
  data?.close();
  return 0;
}

/** The path and query of an absolute URL, without parsing it (the request log's hot path). */
function pathAndQuery(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? '/' : url.slice(slash);
}

function countJobs(emulator: Emulator): number {
  return emulator.engine.store.partitions().reduce((sum, p) => sum + emulator.engine.store.list(p).length, 0);
}
