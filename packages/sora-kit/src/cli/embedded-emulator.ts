/**
 * The emulator `sora-kit` runs in its own process when no credentials are configured: a real
 * clock, silent, on an ephemeral port of 127.0.0.1, with clients of every backend pointed at it.
 * With a data directory its jobs, clock and ids persist there (SQLite), so later commands in new
 * processes see them; one process holds the directory at a time, others wait for it.
 * @module
 */
import type { SoraBackendId, VideoClient } from '@sora-kit/core';
import { AbortedError, ValidationError } from '@sora-kit/core';
import type { Emulator, EmulatorServer } from '@sora-kit/emulator';
import { createVideoClient } from '../create-video-client.js';
import { loadOptionalPackage } from '../load-optional-package.js';

/** What the offline CLI says when the emulator is not installed. */
const OFFLINE_PURPOSE =
  'Running without credentials (the offline emulator; set OPENAI_API_KEY or AZURE_OPENAI_ENDPOINT to use a service)';

/** The key the embedded clients send (the emulator accepts any non-empty key). */
export const EMBEDDED_API_KEY = 'sk-emulator';

/** Environment variable that sets the embedded emulator's clock speed (default 1). */
export const SPEED_VARIABLE = 'SORA_KIT_EMULATOR_SPEED';

/** A running embedded emulator. */
export interface EmbeddedEmulator {
  /** Its base URL, e.g. `http://127.0.0.1:38211`. */
  readonly url: string;
  /** A client of `backend` on this emulator (one per backend, created on first use). */
  clientFor(backend: SoraBackendId): VideoClient;
  /** The database file its state lives in, or null when in memory. */
  readonly location: string | null;
  /** Stops the server (and releases the data directory). */
  close(): Promise<void>;
}

/** How long a command waits for another sora-kit process to release the data directory. */
export const DATA_LOCK_WAIT_MS = 10 * 60_000;

/**
 * Reads the speed from `SORA_KIT_EMULATOR_SPEED`.
 * @throws {ValidationError} naming the variable when it is not a number > 0.
 */
export function embeddedSpeed(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[SPEED_VARIABLE];
  if (text === undefined || text.trim() === '') return 1;
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new ValidationError({
      issues: [
        { field: SPEED_VARIABLE, value: text, message: `${SPEED_VARIABLE}: "${text}" is not a number > 0` },
      ],
    });
  }
  return speed;
}

/**
 * Starts an embedded emulator. At speed 1 a 4 s 720p Sora 2 job completes in about 2 s.
 * @example
 * const embedded = await startEmbeddedEmulator({ speed: 1, seed: 'cli' });
 * const job = await embedded.clientFor('openai-sora2').generate({ prompt: 'a red fox' });
 * await embedded.close();
 */
export async function startEmbeddedEmulator(options: {
  speed: number;
  seed: string;
  /** Data directory (absolute), or null/undefined for in-memory state. */
  dataDir?: string | null;
  /** Called once when another process holds the directory and this one starts waiting. */
  onWait?: (file: string) => void;
  /** Stops a wait for the directory (Ctrl+C). */
  signal?: AbortSignal;
}): Promise<EmbeddedEmulator> {
  const { createEmulator } = await loadOptionalPackage(
    () => import('@sora-kit/emulator'),
    '@sora-kit/emulator',
    OFFLINE_PURPOSE,
  );
  const data = options.dataDir ? await openData(options.dataDir, options.onWait, options.signal) : null;
  let emulator: Emulator;
  let server: EmulatorServer;
  try {
    emulator = createEmulator({
      clock: 'real',
      speed: options.speed,
      seed: options.seed,
      logLevel: 'silent',
      ...(data === null ? {} : { persistence: data }),
    });
    // The saved clock resumes where it was; its speed and mode are this command's.
    if (emulator.clock.mode !== 'real') emulator.clock.setMode('real');
    if (emulator.clock.speed !== options.speed) emulator.clock.setSpeed(options.speed);
    server = await emulator.listen(0, '127.0.0.1');
  } catch (error) {
    data?.close();
    throw error;
  }
  const clients = new Map<SoraBackendId, VideoClient>();
  return {
    url: server.url,
    clientFor(backend) {
      let client = clients.get(backend);
      if (!client) {
        client = createVideoClient(
          backend === 'openai-sora2'
            ? { backend, apiKey: EMBEDDED_API_KEY, baseURL: `${server.url}/v1` }
            : {
                backend,
                apiKey: EMBEDDED_API_KEY,
                endpoint: server.url,
                deployment: backend === 'azure-sora1' ? 'sora' : 'sora-2',
              },
        );
        clients.set(backend, client);
      }
      return client;
    },
    location: data?.location ?? null,
    async close() {
      await emulator.close();
      data?.close();
    },
  };
}

/**
 * Opens the data directory, waiting (after `onWait`) while another process holds it. It waits
 * in short tries with the event loop free between them, so Ctrl+C (`signal`) still stops it.
 */
async function openData(dir: string, onWait: ((file: string) => void) | undefined, signal?: AbortSignal) {
  const { openEmulatorData, EmulatorDataError } = await loadOptionalPackage(
    () => import('@sora-kit/emulator/data'),
    '@sora-kit/emulator',
    OFFLINE_PURPOSE,
  );
  const deadline = Date.now() + DATA_LOCK_WAIT_MS;
  let waiting = false;
  for (;;) {
    try {
      return openEmulatorData(dir, { lockTimeoutMs: waiting ? 100 : 0 });
    } catch (error) {
      if (!(error instanceof EmulatorDataError) || error.reason !== 'locked' || Date.now() > deadline)
        throw error;
      if (!waiting) onWait?.(error.file);
      waiting = true;
    }
    if (signal?.aborted) throw new AbortedError({ reason: signal.reason });
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
