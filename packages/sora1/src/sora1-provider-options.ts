import type { AzureAuthOptions } from '@sora-kit/core';

/**
 * Options of {@link createSora1Provider}. Give exactly one of `apiKey`, `credential`,
 * `tokenProvider` (see `AzureAuthOptions`; a credential's tokens are cached and renewed before they
 * expire).
 */
export interface Sora1ProviderOptions extends AzureAuthOptions {
  /** `https://NAME.openai.azure.com`, with or without a trailing slash or `/openai/v1`. */
  endpoint: string;
  /** The Sora deployment name, sent as `model` (a request's `model` overrides it). */
  deployment: string;
  /** `api-version` query value (default `preview`). */
  apiVersion?: string;
  /** Custom fetch (default the global one). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}
