import type { BearerTokenProvider } from './cached-token-provider.js';
import type { TokenCredential } from './token-credential.js';

/** Options of {@link createSora1Provider}. Give exactly one of `apiKey`, `credential`, `tokenProvider`. */
export interface Sora1ProviderOptions {
  /** `https://NAME.openai.azure.com`, with or without a trailing slash or `/openai/v1`. */
  endpoint: string;
  /** The Sora deployment name, sent as `model` (a request's `model` overrides it). */
  deployment: string;
  /** `api-version` query value (default `preview`). */
  apiVersion?: string;
  /** Resource key, sent as the `api-key` header. */
  apiKey?: string;
  /**
   * Entra ID: any `@azure/identity` `TokenCredential` (e.g. `DefaultAzureCredential`). Tokens for
   * `https://cognitiveservices.azure.com/.default` are cached and renewed before they expire.
   */
  credential?: TokenCredential;
  /** Entra ID: a function returning a bearer token (e.g. `getBearerTokenProvider(...)`). */
  tokenProvider?: BearerTokenProvider;
  /** Token scope for `credential` (default `https://cognitiveservices.azure.com/.default`). */
  tokenScope?: string;
  /** Custom fetch (default the global one). */
  fetch?: typeof globalThis.fetch;
  /** Time source for token expiry, epoch ms (default `Date.now`). */
  now?: () => number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}
