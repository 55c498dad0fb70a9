import { resolveAzureAuth } from '@sora-kit/core';
import OpenAI, { type APIError } from 'openai';
import { azureBaseURL } from './azure-base-url.js';
import type {
  AzureSora2ProviderOptions,
  OpenAISora2ProviderOptions,
  Sora2CommonOptions,
} from './sora2-provider-options.js';

const rawBodies = new WeakMap<object, unknown>();

/**
 * The SDK client with one change: it remembers the whole error body of each status error (the SDK
 * keeps only `body.error`), so flat and unusual envelopes still reach `errorFromResponse`.
 */
class SoraOpenAI extends OpenAI {
  protected override makeStatusError(
    status: number,
    error: object,
    message: string | undefined,
    headers: Headers,
  ): APIError {
    const made = super.makeStatusError(status, error, message, headers);
    rawBodies.set(made, error ?? message);
    return made;
  }
}

/** The error body the SDK saw for a status error made by a client of this package. */
export function rawErrorBody(error: object): unknown {
  return rawBodies.get(error);
}

function common(options: Sora2CommonOptions) {
  return {
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  };
}

/** An SDK client for api.openai.com; its own retries are off (the core's policy decides). */
export function openAIClient(options: OpenAISora2ProviderOptions): OpenAI {
  return new SoraOpenAI({
    ...common(options),
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    organization: options.organization ?? null,
    project: options.project ?? null,
    ...(options.headers ? { defaultHeaders: options.headers } : {}),
  });
}

/**
 * An SDK client for an Azure resource's `/openai/v1/`: a key goes in `api-key` (and no
 * `Authorization`), an Entra token in `Authorization: Bearer`, renewed by the token provider.
 */
export function azureOpenAIClient(options: AzureSora2ProviderOptions): OpenAI {
  const auth = resolveAzureAuth(options, 'azure-sora2');
  return new SoraOpenAI({
    ...common(options),
    baseURL: azureBaseURL(options.endpoint),
    apiKey: auth.kind === 'bearer' ? auth.token : auth.apiKey,
    defaultHeaders: {
      ...options.headers,
      ...(auth.kind === 'bearer' ? {} : { 'api-key': auth.apiKey, Authorization: null }),
    },
    ...(options.apiVersion ? { defaultQuery: { 'api-version': options.apiVersion } } : {}),
  });
}
