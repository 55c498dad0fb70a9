/**
 * Real OpenAI and Azure endpoints from the environment: opt-in, cost-guarded, skipped with a
 * reason when not configured.
 * @module
 */
import type { ContractDialect } from './contract-dialect.js';
import { ContractConfigError } from './contract-failure.js';
import type { ContractFetch, DialectEndpoint, Target, TargetCapabilities } from './target.js';

/** Options of `liveTargetsFromEnv`. */
export interface LiveTargetOptions {
  /** Cost guard per target; wins over `SORA_KIT_CONTRACT_MAX_JOBS` (default 2). */
  readonly maxJobs?: number;
  /** The fetch to use (default the global fetch). */
  readonly fetch?: ContractFetch;
  /** Real waiting between polls (default a `setTimeout` promise). */
  readonly delay?: (ms: number) => Promise<void>;
  /** Poll interval in ms (default 10 000). */
  readonly pollIntervalMs?: number;
  /** Longest wait for one job in ms (default 15 minutes). */
  readonly settleTimeoutMs?: number;
}

/** Environment variables `liveTargetsFromEnv` reads. */
export type ContractEnv = Readonly<Record<string, string | undefined>>;

/** The default cost guard of a live target. */
export const DEFAULT_LIVE_MAX_JOBS = 2;

const realDelay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function parseMaxJobs(env: ContractEnv, option: number | undefined): number {
  if (option !== undefined) {
    if (!Number.isInteger(option) || option < 0)
      throw new ContractConfigError(`maxJobs must be an integer >= 0, got ${option}`);
    return option;
  }
  const raw = env.SORA_KIT_CONTRACT_MAX_JOBS;
  if (raw === undefined || raw === '') return DEFAULT_LIVE_MAX_JOBS;
  if (!/^\d+$/.test(raw))
    throw new ContractConfigError(`SORA_KIT_CONTRACT_MAX_JOBS must be an integer >= 0, got '${raw}'`);
  return Number(raw);
}

function skippedTarget(name: string, reason: string): Target {
  return {
    name,
    dialects: [],
    capabilities: {
      controlsClock: false,
      canInjectFaults: false,
      live: true,
      maxJobs: 0,
      pollIntervalMs: 0,
      settleTimeoutMs: 0,
    },
    fetch: () => Promise.reject(new Error(reason)),
    skipReason: reason,
    endpoint: () => {
      throw new Error(reason);
    },
    advance: () => Promise.resolve(),
  };
}

function liveTarget(
  name: string,
  endpoints: Partial<Record<ContractDialect, DialectEndpoint>>,
  capabilities: TargetCapabilities,
  fetch: ContractFetch,
  delay: (ms: number) => Promise<void>,
): Target {
  return {
    name,
    dialects: Object.keys(endpoints) as ContractDialect[],
    capabilities,
    fetch,
    endpoint: (dialect) => {
      const endpoint = endpoints[dialect];
      if (endpoint === undefined) throw new Error(`${name} does not serve ${dialect}`);
      return endpoint;
    },
    advance: (ms) => delay(ms),
  };
}

/**
 * The live targets the environment describes. Nothing runs unless `SORA_KIT_CONTRACT_LIVE=1`;
 * otherwise, or without credentials, one target named `live` comes back with a `skipReason`.
 *
 * - OpenAI: `OPENAI_API_KEY`, optional `OPENAI_BASE_URL` (default `https://api.openai.com/v1`) and
 *   `SORA_KIT_CONTRACT_OPENAI_MODEL` (default `sora-2`): dialect `sora2-openai`.
 * - Azure: `AZURE_OPENAI_ENDPOINT` + `AZURE_OPENAI_API_KEY`, with `AZURE_OPENAI_SORA2_DEPLOYMENT`
 *   (dialect `sora2-azure`) and/or `AZURE_OPENAI_SORA1_DEPLOYMENT` (dialect `sora1-azure`).
 * - `SORA_KIT_CONTRACT_MAX_JOBS`: the cost guard per target (default 2).
 * @example
 * const targets = liveTargetsFromEnv(process.env, { maxJobs: 1 });
 */
export function liveTargetsFromEnv(env: ContractEnv, options: LiveTargetOptions = {}): Target[] {
  if (env.SORA_KIT_CONTRACT_LIVE !== '1') {
    return [skippedTarget('live', 'live targets are opt-in: set SORA_KIT_CONTRACT_LIVE=1 and credentials')];
  }
  const maxJobs = parseMaxJobs(env, options.maxJobs);
  const fetch: ContractFetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const delay = options.delay ?? realDelay;
  const capabilities: TargetCapabilities = {
    controlsClock: false,
    canInjectFaults: false,
    live: true,
    maxJobs,
    pollIntervalMs: options.pollIntervalMs ?? 10_000,
    settleTimeoutMs: options.settleTimeoutMs ?? 15 * 60_000,
  };
  const targets: Target[] = [];
  if (env.OPENAI_API_KEY) {
    const baseUrl = (env.OPENAI_BASE_URL || 'https://api.openai.com/v1').replace(/\/+$/, '');
    const endpoint = {
      baseUrl,
      headers: { authorization: `Bearer ${env.OPENAI_API_KEY}` },
      model: env.SORA_KIT_CONTRACT_OPENAI_MODEL || 'sora-2',
    };
    targets.push(liveTarget('openai (live)', { 'sora2-openai': endpoint }, capabilities, fetch, delay));
  }
  if (env.AZURE_OPENAI_ENDPOINT) {
    if (!env.AZURE_OPENAI_API_KEY) {
      targets.push(
        skippedTarget(
          'azure (live)',
          'AZURE_OPENAI_API_KEY is not set (the contract kit authenticates to Azure with a key)',
        ),
      );
    } else {
      const baseUrl = `${env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '')}/openai/v1`;
      const headers = { 'api-key': env.AZURE_OPENAI_API_KEY };
      const endpoints: Partial<Record<ContractDialect, DialectEndpoint>> = {};
      if (env.AZURE_OPENAI_SORA2_DEPLOYMENT) {
        endpoints['sora2-azure'] = { baseUrl, headers, model: env.AZURE_OPENAI_SORA2_DEPLOYMENT };
      }
      if (env.AZURE_OPENAI_SORA1_DEPLOYMENT) {
        endpoints['sora1-azure'] = { baseUrl, headers, model: env.AZURE_OPENAI_SORA1_DEPLOYMENT };
      }
      targets.push(
        Object.keys(endpoints).length === 0
          ? skippedTarget(
              'azure (live)',
              'set AZURE_OPENAI_SORA2_DEPLOYMENT and/or AZURE_OPENAI_SORA1_DEPLOYMENT',
            )
          : liveTarget('azure (live)', endpoints, capabilities, fetch, delay),
      );
    }
  }
  if (targets.length === 0) {
    return [
      skippedTarget(
        'live',
        'SORA_KIT_CONTRACT_LIVE=1 but no credentials: set OPENAI_API_KEY, or AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY + a deployment',
      ),
    ];
  }
  return targets;
}
