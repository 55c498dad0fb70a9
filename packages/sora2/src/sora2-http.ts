import {
  createProviderHttp,
  type ProviderHttp,
  type ProviderHttpOptions,
  resolveAzureAuth,
} from '@sora-kit/core';
import { azureBaseURL } from './azure-base-url.js';
import type {
  AzureSora2ProviderOptions,
  OpenAISora2ProviderOptions,
  Sora2CommonOptions,
} from './sora2-provider-options.js';

/** The request function of one Sora 2 host and the base URL it sends to. */
export interface Sora2Http {
  /** Sends one request under `baseURL`; throws the core errors for non-2xx and network failures. */
  request: ProviderHttp;
  /** E.g. `https://api.openai.com/v1` or `https://NAME.openai.azure.com/openai/v1`. */
  baseURL: string;
}

/** The time a request may take until its answer's headers (as the `openai` SDK: 10 minutes). */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Request paths are appended to the base URL: no trailing slash. */
const trim = (url: string) => url.replace(/\/+$/, '');

/** What differs between the two hosts. */
type Sora2Host = Pick<ProviderHttpOptions, 'backend' | 'auth' | 'query' | 'model'> & {
  /** The base URL as configured (a trailing slash is trimmed). */
  readonly baseURL: string;
};

/** One host's request function, with the options both hosts share. */
function sora2Http(options: Sora2CommonOptions, { baseURL, ...host }: Sora2Host): Sora2Http {
  const base = trim(baseURL);
  return {
    baseURL: base,
    request: createProviderHttp({
      ...host,
      baseUrl: base,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      headers: options.headers,
    }),
  };
}

/** Requests to api.openai.com (or a compatible base URL): the key as `Authorization: Bearer`. */
export function openAIHttp(options: OpenAISora2ProviderOptions): Sora2Http {
  const auth: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
  if (options.organization) auth['openai-organization'] = options.organization;
  if (options.project) auth['openai-project'] = options.project;
  return sora2Http(options, {
    backend: 'openai-sora2',
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    auth: () => auth,
    model: options.model,
  });
}

/**
 * Requests to an Azure resource's `/openai/v1/`: a key goes in `api-key` (and no `Authorization`),
 * an Entra token in `Authorization: Bearer`, renewed by the token provider; `api-version` when given.
 */
export function azureHttp(options: AzureSora2ProviderOptions): Sora2Http {
  const auth = resolveAzureAuth(options, 'azure-sora2');
  return sora2Http(options, {
    backend: 'azure-sora2',
    baseURL: azureBaseURL(options.endpoint),
    ...(options.apiVersion ? { query: { 'api-version': options.apiVersion } } : {}),
    auth:
      auth.kind === 'apiKey'
        ? () => ({ 'api-key': auth.apiKey })
        : async () => ({ authorization: `Bearer ${await auth.token()}` }),
    model: options.deployment,
  });
}
