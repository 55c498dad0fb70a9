import type { TokenCredential } from '@azure/identity';
import { ValidationError } from '@sora-kit/core';
import OpenAI, { type APIError } from 'openai';
import { azureBaseURL } from './azure-base-url.js';
import type {
  AzureSora2ProviderOptions,
  OpenAISora2ProviderOptions,
  Sora2CommonOptions,
} from './sora2-provider-options.js';

const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
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
  const given = [options.apiKey, options.credential, options.tokenProvider].filter(
    (value) => value !== undefined && value !== '',
  );
  if (given.length !== 1) {
    throw new ValidationError({
      issues: [
        {
          field: 'auth',
          value: given.length,
          backend: 'azure-sora2',
          message: `auth: give exactly one of apiKey, credential or tokenProvider (got ${given.length})`,
        },
      ],
    });
  }
  const tokenProvider =
    options.tokenProvider ??
    (options.credential
      ? bearerTokenProvider(options.credential, options.tokenScope ?? COGNITIVE_SERVICES_SCOPE)
      : undefined);
  return new SoraOpenAI({
    ...common(options),
    baseURL: azureBaseURL(options.endpoint),
    apiKey: tokenProvider ?? options.apiKey!,
    defaultHeaders: {
      ...options.headers,
      ...(tokenProvider ? {} : { 'api-key': options.apiKey!, Authorization: null }),
    },
    ...(options.apiVersion ? { defaultQuery: { 'api-version': options.apiVersion } } : {}),
  });
}

/** `@azure/identity`'s bearer token provider (token cached, renewed before expiry), loaded on first use. */
function bearerTokenProvider(credential: TokenCredential, scope: string): () => Promise<string> {
  let provider: (() => Promise<string>) | undefined;
  return async () => {
    provider ??= (await import('@azure/identity')).getBearerTokenProvider(credential, scope);
    return provider();
  };
}
