import type { TokenCredential } from '@sora-kit/core';
import {
  BACKEND_IDS,
  type SoraBackendId,
  ValidationError,
  type VideoClient,
  type VideoClientOptions,
} from '@sora-kit/core';
import { createVideoClient } from './create-video-client.js';
import type { CreateVideoClientOptions } from './create-video-client-options.js';
import { lazyDefaultAzureCredential } from './lazy-default-azure-credential.js';

/** The environment variables `createVideoClientFromEnv` reads. */
export const ENV_VARIABLES = [
  'SORA_KIT_BACKEND',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_DEPLOYMENT',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_API_VERSION',
] as const;

/** Options of {@link createVideoClientFromEnv}. */
export interface VideoClientFromEnvOptions extends VideoClientOptions {
  /** Where to read the variables (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Entra ID credential used when no Azure key is set (default `DefaultAzureCredential`, loaded lazily). */
  credential?: TokenCredential;
  /** Custom fetch for the provider. */
  fetch?: typeof globalThis.fetch;
}

/** The deployment an Azure backend uses when `AZURE_OPENAI_DEPLOYMENT` is not set. */
export const DEFAULT_DEPLOYMENT: Record<'azure-sora1' | 'azure-sora2', string> = {
  'azure-sora1': 'sora',
  'azure-sora2': 'sora-2',
};

/**
 * The backend the environment names: `SORA_KIT_BACKEND`, else `openai-sora2` when only
 * `OPENAI_API_KEY` is set, else `azure-sora2` when `AZURE_OPENAI_ENDPOINT` is set.
 * @throws {ValidationError} (field `SORA_KIT_BACKEND`) when it names no backend or none can be inferred.
 */
export function backendFromEnv(env: Readonly<Record<string, string | undefined>>): SoraBackendId {
  const named = env.SORA_KIT_BACKEND?.trim();
  if (named) {
    if ((BACKEND_IDS as readonly string[]).includes(named)) return named as SoraBackendId;
    throw envError('SORA_KIT_BACKEND', named, `is not a backend; allowed: ${BACKEND_IDS.join(', ')}`);
  }
  if (env.AZURE_OPENAI_ENDPOINT) return 'azure-sora2';
  if (env.OPENAI_API_KEY) return 'openai-sora2';
  throw envError(
    'SORA_KIT_BACKEND',
    undefined,
    'is not set and neither AZURE_OPENAI_ENDPOINT nor OPENAI_API_KEY is; set one of them',
  );
}

/**
 * A client configured from environment variables:
 * - `SORA_KIT_BACKEND`: `azure-sora1`, `azure-sora2` or `openai-sora2` (inferred when unset, see {@link backendFromEnv});
 * - Azure: `AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_DEPLOYMENT` (default `sora` / `sora-2`), and
 *   `AZURE_OPENAI_API_KEY`; without a key, Entra ID through `DefaultAzureCredential`;
 * - Azure: `OPENAI_API_VERSION` overrides the `api-version` (Sora 1 default `preview`);
 * - OpenAI: `OPENAI_API_KEY`, optional `OPENAI_BASE_URL`.
 * @throws {ValidationError} naming the missing or invalid variable.
 * @example
 * // SORA_KIT_BACKEND=azure-sora1 AZURE_OPENAI_ENDPOINT=https://my-resource.openai.azure.com
 * const client = createVideoClientFromEnv();
 */
export function createVideoClientFromEnv(options: VideoClientFromEnvOptions = {}): VideoClient {
  const { env = process.env, credential, fetch, ...clientOptions } = options;
  const backend = backendFromEnv(env);
  const shared = { ...clientOptions, ...(fetch ? { fetch } : {}) };
  let config: CreateVideoClientOptions;
  if (backend === 'openai-sora2') {
    const apiKey = env.OPENAI_API_KEY;
    if (!apiKey) throw envError('OPENAI_API_KEY', undefined, 'is required for openai-sora2');
    config = { backend, apiKey, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}), ...shared };
  } else {
    const endpoint = env.AZURE_OPENAI_ENDPOINT;
    if (!endpoint) throw envError('AZURE_OPENAI_ENDPOINT', undefined, `is required for ${backend}`);
    const deployment = env.AZURE_OPENAI_DEPLOYMENT || DEFAULT_DEPLOYMENT[backend];
    const auth = env.AZURE_OPENAI_API_KEY
      ? { apiKey: env.AZURE_OPENAI_API_KEY }
      : { credential: credential ?? lazyDefaultAzureCredential() };
    const apiVersion = env.OPENAI_API_VERSION?.trim();
    config = { backend, endpoint, deployment, ...auth, ...(apiVersion ? { apiVersion } : {}), ...shared };
  }
  return createVideoClient(config);
}

function envError(variable: string, value: string | undefined, problem: string): ValidationError {
  return new ValidationError({
    issues: [
      { field: variable, value, message: `${variable}${value === undefined ? '' : `=${value}`} ${problem}` },
    ],
  });
}
