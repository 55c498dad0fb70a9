export { azureBaseURL } from './azure-base-url.js';
export { mapSora2Character } from './map-sora2-character.js';
export { mapSora2Error } from './map-sora2-error.js';
export { mapSora2Status, mapSora2Video } from './map-sora2-video.js';
export type { Sora2Http } from './sora2-http.js';
export type { Sora2Backend } from './sora2-provider.js';
export { createAzureSora2Provider, createOpenAISora2Provider, Sora2Provider } from './sora2-provider.js';
export type {
  AzureSora2ProviderOptions,
  OpenAISora2ProviderOptions,
  Sora2CommonOptions,
} from './sora2-provider-options.js';
export type { OpenAIClientLike, OpenAIClientRequestOptions } from './sora2-sdk-http.js';
