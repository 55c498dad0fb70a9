/**
 * Picks the client a command talks to: the configured service when credentials are in the
 * environment, else (for `generate`) an embedded emulator.
 * @module
 */
import {
  BACKEND_IDS,
  type CreateVideoRequest,
  isHandle,
  isSoraBackend,
  parseHandle,
  type SoraBackendId,
  ValidationError,
  type VideoClient,
} from '@sora-kit/core';
import { createVideoClientFromEnv } from '../create-video-client-from-env.js';
import { asRefusal, offlineChoiceNote, type Refusal, suggestBackend } from './backend-choice.js';
import type { CliIo } from './cli-io.js';
import { embeddedDataDir, type PersistFlags } from './embedded-data-dir.js';
import { embeddedSpeed, startEmbeddedEmulator } from './embedded-emulator.js';
import { withHint } from './error-hint.js';
import { UsageError } from './usage-error.js';

/** The notice printed (to stderr) when the embedded emulator is used. */
export const EMBEDDED_NOTICE =
  'No credentials found: using the embedded sora-kit emulator (offline). Set OPENAI_API_KEY or AZURE_OPENAI_* to use a real service.';

/** Backends tried, in order, for a request on the embedded emulator without `--backend`. */
export const EMBEDDED_BACKEND_ORDER: readonly [SoraBackendId, ...SoraBackendId[]] = [
  'openai-sora2',
  'azure-sora1',
];

/** Why `client` refuses `request`, or null when it accepts it. */
function refusalOf(client: VideoClient, request: CreateVideoRequest): Refusal | null {
  try {
    client.validate(request);
    return null;
  } catch (error) {
    return asRefusal(error);
  }
}

/** A client and what to do when the command is done with it. */
export interface CliClient {
  /** The client. */
  readonly client: VideoClient;
  /** True when it talks to the embedded emulator. */
  readonly embedded: boolean;
  /** The embedded emulator's database file, or null (in memory, or not embedded). */
  readonly stateLocation?: string | null;
  /** Poll interval for `wait` (short on the embedded emulator; the service's hint otherwise). */
  readonly pollIntervalMs: number | undefined;
  /** Releases the embedded emulator, if any. */
  close(): Promise<void>;
}

/** True when the environment names a service: `OPENAI_API_KEY` or `AZURE_OPENAI_ENDPOINT`. */
export function hasCredentials(env: CliIo['env']): boolean {
  return Boolean(env.OPENAI_API_KEY?.trim() || env.AZURE_OPENAI_ENDPOINT?.trim());
}

/**
 * The backend a job reference names: the handle's, when it is a handle.
 * @throws {ValidationError} (field `handle`) for a handle of a backend the command does not serve.
 */
export function backendOfRef(ref: string): SoraBackendId | undefined {
  if (!isHandle(ref)) return undefined;
  const { backend } = parseHandle(ref);
  if (isSoraBackend(backend)) return backend;
  throw new ValidationError({
    issues: [
      {
        field: 'handle',
        value: ref,
        allowed: [...BACKEND_IDS],
        message: `handle: unknown backend in job handle: "${backend}"; the sora-kit command serves ${BACKEND_IDS.join(', ')}`,
      },
    ],
  });
}

/** What {@link openClient} needs. */
export interface OpenClientOptions {
  /** Subcommand name (for messages). */
  command: string;
  /** `--backend`, or the backend of the handle the command was given. */
  backend: SoraBackendId | undefined;
  /** The create request (`generate`): picks the embedded backend by capability. */
  request?: CreateVideoRequest;
  /**
   * Whether an embedded emulator may serve this command when it keeps its state in memory (only
   * `generate`); with a data directory every command may use it.
   */
  allowEmbedded: boolean;
  /** `--data` / `--no-persist` (default: persist in the user's data directory). */
  persist?: PersistFlags;
  /** Print the embedded notice (not with `--quiet`). */
  notice: boolean;
}

/**
 * Opens the client for one command.
 * @throws {UsageError} when no credentials are set and the command needs a lasting service.
 * @throws {ValidationError} when the environment is incomplete for the chosen backend.
 * @example
 * const cli = await openClient(io, { command: 'status', backend: 'openai-sora2', allowEmbedded: false, notice: true });
 */
export async function openClient(io: CliIo, options: OpenClientOptions): Promise<CliClient> {
  if (hasCredentials(io.env)) {
    const env = options.backend ? { ...io.env, SORA_KIT_BACKEND: options.backend } : io.env;
    const client = createVideoClientFromEnv({ env });
    const { request } = options;
    if (request !== undefined && !client.accepts(request)) {
      // Refused before anything is sent: say which backend would take it.
      try {
        client.validate(request);
      } catch (error) {
        throw withHint(error, suggestBackend(request, io.env, client.backend as SoraBackendId));
      }
    }
    return { client, embedded: false, pollIntervalMs: undefined, close: async () => {} };
  }
  const dataDir = embeddedDataDir(io, options.persist ?? { data: undefined, noPersist: false });
  if (!options.allowEmbedded && dataDir === null) {
    throw new UsageError(
      `${options.command} needs a service that keeps its jobs, and no credentials are set (OPENAI_API_KEY or AZURE_OPENAI_ENDPOINT).
With --no-persist (or no home directory) the embedded emulator forgets its jobs when a command exits. Drop
--no-persist (or give --data DIR) to keep them, or run "sora-kit emulator" in another terminal, then here:
  export OPENAI_BASE_URL=http://127.0.0.1:4000/v1 OPENAI_API_KEY=sk-test`,
      options.command,
    );
  }
  const speed = embeddedSpeed(io.env);
  // In memory, each run gets fresh ids; with a data directory the saved id positions continue.
  const embedded = await startEmbeddedEmulator({
    speed,
    seed: dataDir === null ? `sora-kit-cli-${Date.now()}` : 'sora-kit-cli',
    dataDir,
    ...(io.signal ? { signal: io.signal } : {}),
    onWait: (file) => {
      if (options.notice) io.stderr.write(`Waiting for another sora-kit command to release ${file}...\n`);
    },
  });
  if (options.notice) {
    io.stderr.write(
      `${EMBEDDED_NOTICE}\n${
        embedded.location === null
          ? 'Emulator state: in memory (lost when this command exits).'
          : `Emulator state: ${embedded.location} (--no-persist: in memory).`
      }\n`,
    );
  }
  let backend = options.backend;
  if (backend === undefined) {
    const { request } = options;
    const [first] = EMBEDDED_BACKEND_ORDER;
    backend =
      EMBEDDED_BACKEND_ORDER.find(
        (candidate) => request === undefined || embedded.clientFor(candidate).accepts(request),
      ) ?? first;
    if (request !== undefined && backend !== first && options.notice) {
      const refusal = refusalOf(embedded.clientFor(first), request);
      if (refusal) io.stderr.write(`${offlineChoiceNote(backend, refusal, request)}\n`);
    }
  }
  return {
    client: embedded.clientFor(backend),
    embedded: true,
    stateLocation: embedded.location,
    pollIntervalMs: Math.min(1000, Math.max(50, Math.round(500 / speed))),
    close: () => embedded.close(),
  };
}
