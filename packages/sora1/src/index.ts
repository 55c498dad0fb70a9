export type {
  BearerTokenProvider,
  CachedTokenProviderOptions,
} from './cached-token-provider.js';
export { createCachedTokenProvider } from './cached-token-provider.js';
export { mapSora1Job, mapSora1Status } from './map-sora1-job.js';
export { normalizeEndpoint } from './normalize-endpoint.js';
export { createSora1Provider, Sora1Provider } from './sora1-provider.js';
export type { Sora1ProviderOptions } from './sora1-provider-options.js';
export type { AccessToken, TokenCredential } from './token-credential.js';
export { COGNITIVE_SERVICES_SCOPE } from './token-credential.js';
