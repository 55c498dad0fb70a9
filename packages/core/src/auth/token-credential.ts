/**
 * The shape of an `@azure/identity` credential, declared structurally so this package needs no
 * Azure dependency: any `TokenCredential` (`DefaultAzureCredential`, `ClientSecretCredential`, ...)
 * fits.
 * @module
 */

/** An access token as `@azure/identity` returns it. */
export interface AccessToken {
  /** The bearer token. */
  token: string;
  /** When the token expires, epoch milliseconds. */
  expiresOnTimestamp: number;
  /** When the credential advises refreshing, epoch milliseconds (newer `@azure/identity`). */
  refreshAfterTimestamp?: number;
}

/** Anything with `getToken(scopes)`, e.g. `new DefaultAzureCredential()`. */
export interface TokenCredential {
  /** Returns a token for `scopes`, or null when none can be had. */
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** The scope of Azure OpenAI / Azure AI Foundry data-plane tokens. */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
