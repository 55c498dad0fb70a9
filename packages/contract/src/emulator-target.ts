/**
 * A target backed by a sora-kit emulator, reached through any fetch (its app in-process, or HTTP).
 * Clock and faults go through the control API in both cases, so the two targets share one path.
 * @module
 */
import { CONTRACT_DIALECTS, type ContractDialect } from './contract-dialect.js';
import { ContractFailure } from './contract-failure.js';
import type { ContractFetch, DialectEndpoint, EmulatorControlCall, Target } from './target.js';

/** Options of `emulatorTarget`. */
export interface EmulatorTargetOptions {
  /** Name in reports. */
  readonly name: string;
  /** Origin of the emulator, e.g. `http://127.0.0.1:4000` (no trailing slash). */
  readonly origin: string;
  /** How requests reach it. */
  readonly fetch: ContractFetch;
  /** The one key the emulator accepts (`--api-key`); without it each scenario run gets its own key. */
  readonly apiKey?: string;
  /** Azure deployment names: Sora 2 (default `sora-2`) and Sora 1 (default `sora`). */
  readonly deployments?: { readonly sora2?: string; readonly sora1?: string };
  /** OpenAI model (default `sora-2`). */
  readonly openaiModel?: string;
  /** Dialects to exercise (default all three). */
  readonly dialects?: readonly ContractDialect[];
  /**
   * The clock scope the target's credentials join and its clock advances move (see the emulator's
   * clock scopes): by default one of its own (`contract-…`), so a run against a shared emulator
   * never moves other users' jobs or clock. `false`: advance the emulator's global clock.
   */
  readonly clockScope?: string | false;
  /** Checks the emulator answers before the first scenario. */
  readonly prepare?: () => Promise<void>;
  /** Releases resources. */
  readonly close?: () => Promise<void>;
}

/**
 * A scope name of the run's own; with a fixed `apiKey` (`--api-key`) one per key, so later runs
 * with the same key rejoin the scope its partitions are already in.
 */
function defaultScope(apiKey: string | undefined): string {
  if (apiKey === undefined) return `contract-${crypto.randomUUID()}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < apiKey.length; i++) hash = Math.imul(hash ^ apiKey.charCodeAt(i), 0x01000193) >>> 0;
  return `contract-key-${hash.toString(16).padStart(8, '0')}`;
}

/** Emulated time per status poll: long enough for any small job to settle in one step. */
const EMULATOR_POLL_MS = 10_000;

/**
 * Builds a target over an emulator reached through `fetch`.
 * @example
 * const emulator = createEmulator({ clock: 'manual' });
 * const target = emulatorTarget({ name: 'mine', origin: 'http://emulator', fetch: (r) => emulator.app.fetch(r) });
 */
export function emulatorTarget(options: EmulatorTargetOptions): Target {
  const { origin } = options;
  const scope = options.clockScope === false ? null : (options.clockScope ?? defaultScope(options.apiKey));
  // Credentials handed out by endpoint() join the scope before their first request.
  const joined = new Set<string>();
  const pending = new Set<string>();
  const fetch: ContractFetch =
    scope === null
      ? options.fetch
      : async (request) => {
          if (pending.size > 0) {
            const credentials = [...pending];
            pending.clear();
            await control('/clock/scopes', { scope, credentials });
            for (const credential of credentials) joined.add(credential);
          }
          return options.fetch(request);
        };
  const control: EmulatorControlCall = async (path, body, method = body === undefined ? 'GET' : 'POST') => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await options.fetch(new Request(`${origin}/_emulator${path}`, init));
    const text = await response.text();
    if (!response.ok) {
      throw new ContractFailure(
        `control ${method} /_emulator${path} answered ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return text === '' ? undefined : JSON.parse(text);
  };
  const endpoint = (dialect: ContractDialect, request: { isolationKey: string }): DialectEndpoint => {
    const key = options.apiKey ?? `sk-contract-${request.isolationKey}`;
    const partition = `${dialect === 'sora2-openai' ? 'openai' : 'azure'}:${key}`;
    if (scope !== null && !joined.has(partition)) pending.add(partition);
    if (dialect === 'sora2-openai') {
      return {
        baseUrl: `${origin}/v1`,
        headers: { authorization: `Bearer ${key}` },
        model: options.openaiModel ?? 'sora-2',
      };
    }
    const model =
      dialect === 'sora2-azure'
        ? (options.deployments?.sora2 ?? 'sora-2')
        : (options.deployments?.sora1 ?? 'sora');
    return { baseUrl: `${origin}/openai/v1`, headers: { 'api-key': key }, model };
  };
  return {
    name: options.name,
    dialects: options.dialects ?? CONTRACT_DIALECTS,
    capabilities: {
      controlsClock: true,
      canInjectFaults: true,
      live: false,
      maxJobs: Number.POSITIVE_INFINITY,
      pollIntervalMs: EMULATOR_POLL_MS,
      settleTimeoutMs: 30 * 60_000,
    },
    fetch,
    endpoint,
    control,
    advance: async (ms) => {
      await control('/clock/advance', scope === null ? { ms } : { ms, scope });
    },
    ...(options.prepare === undefined ? {} : { prepare: options.prepare }),
    ...(options.close === undefined ? {} : { close: options.close }),
  };
}
