/**
 * The variables users already set for the official SDKs, as defaults of `createVideoClient`'s
 * connection options: `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `AZURE_OPENAI_ENDPOINT`,
 * `AZURE_OPENAI_API_KEY`, `OPENAI_API_VERSION`. An option given always wins.
 * @module
 */
import { ValidationError } from '@sora-kit/core';
import type { CreateVideoClientOptions } from './create-video-client-options.js';

type Env = Readonly<Record<string, string | undefined>>;

const processEnv = (): Env => (typeof process === 'undefined' ? {} : process.env);

function missing(field: string, variable: string, backend: string): ValidationError {
  return new ValidationError({
    issues: [
      {
        field,
        value: undefined,
        message: `${field}: required for ${backend}; pass \`${field}\` or set ${variable}`,
      },
    ],
  });
}

/**
 * `options` with absent connection options taken from `env` (default `process.env`).
 * @throws {ValidationError} naming the option and the variable when neither gives a required value.
 */
export function withEnvDefaults<T extends CreateVideoClientOptions>(options: T, env: Env = processEnv()): T {
  const value = (name: string) => env[name]?.trim() || undefined;
  if (options.backend === 'openai-sora2') {
    const apiKey = options.apiKey ?? value('OPENAI_API_KEY');
    if (!apiKey) throw missing('apiKey', 'OPENAI_API_KEY', options.backend);
    const baseURL = options.baseURL ?? value('OPENAI_BASE_URL');
    return { ...options, apiKey, ...(baseURL ? { baseURL } : {}) };
  }
  if (options.backend !== 'azure-sora1' && options.backend !== 'azure-sora2') return options;
  const endpoint = options.endpoint ?? value('AZURE_OPENAI_ENDPOINT');
  if (!endpoint) throw missing('endpoint', 'AZURE_OPENAI_ENDPOINT', options.backend);
  const hasAuth =
    options.apiKey !== undefined || options.credential !== undefined || options.tokenProvider !== undefined;
  const apiKey = hasAuth ? undefined : value('AZURE_OPENAI_API_KEY');
  const apiVersion = options.apiVersion ?? value('OPENAI_API_VERSION');
  return { ...options, endpoint, ...(apiKey ? { apiKey } : {}), ...(apiVersion ? { apiVersion } : {}) };
}
