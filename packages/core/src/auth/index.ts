export type { BearerTokenProvider, CachedTokenProviderOptions } from './cached-token-provider.js';
export { createCachedTokenProvider } from './cached-token-provider.js';
export type { AzureAuth, AzureAuthOptions } from './resolve-azure-auth.js';
export { resolveAzureAuth } from './resolve-azure-auth.js';
export type { AccessToken, TokenCredential } from './token-credential.js';
export { COGNITIVE_SERVICES_SCOPE } from './token-credential.js';
