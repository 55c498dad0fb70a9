import type { AzureAuthOptions } from '@sora-kit/core';

/** Options both hosts share. */
export interface Sora2CommonOptions {
  /** Custom fetch (default the global one, looked up per request). */
  fetch?: typeof globalThis.fetch;
  /**
   * Time in ms a request may wait for its answer's headers (default 10 minutes, as the `openai`
   * SDK's); then a retryable `VideoApiError` (status 0, code `timeout`).
   */
  timeoutMs?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Options of {@link createOpenAISora2Provider} (api.openai.com or a compatible base URL). */
export interface OpenAISora2ProviderOptions extends Sora2CommonOptions {
  /** `sk-...`, sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Default `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Default model of create requests (`sora-2` or `sora-2-pro`); the service defaults to `sora-2`. */
  model?: string;
  /** `OpenAI-Organization` header. */
  organization?: string;
  /** `OpenAI-Project` header. */
  project?: string;
}

/**
 * Options of {@link createAzureSora2Provider} (the v1 Videos API of an Azure OpenAI resource).
 * Give exactly one of `apiKey`, `credential`, `tokenProvider` (see `AzureAuthOptions`; a
 * credential's tokens are cached and renewed before they expire, as on Azure Sora 1).
 */
export interface AzureSora2ProviderOptions extends Sora2CommonOptions, AzureAuthOptions {
  /** `https://NAME.openai.azure.com`, with or without a trailing slash or `/openai/v1`. */
  endpoint: string;
  /** The Sora 2 deployment name, sent as `model`. */
  deployment: string;
  /** `api-version` query value; none by default (the v1 API needs none). */
  apiVersion?: string;
}
