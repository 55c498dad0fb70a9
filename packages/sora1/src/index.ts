/** Re-exported from `@sora-kit/core`, where both Azure adapters share them. */
export type {
  AccessToken,
  BearerTokenProvider,
  CachedTokenProviderOptions,
  TokenCredential,
} from '@sora-kit/core';
export { COGNITIVE_SERVICES_SCOPE, createCachedTokenProvider } from '@sora-kit/core';
export { mapSora1Job, mapSora1Status } from './map-sora1-job.js';
export { normalizeEndpoint } from './normalize-endpoint.js';
export { createSora1Provider, Sora1Provider } from './sora1-provider.js';
export type { Sora1ProviderOptions } from './sora1-provider-options.js';
