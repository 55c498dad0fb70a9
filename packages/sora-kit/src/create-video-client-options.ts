import type { VideoClientOptions, VideoProvider } from '@sora-kit/core';
import type { Sora1ProviderOptions } from '@sora-kit/sora1';
import type { AzureSora2ProviderOptions, OpenAISora2ProviderOptions } from '@sora-kit/sora2';

/**
 * Azure OpenAI Sora 1 preview jobs: endpoint, deployment and one auth option. `endpoint`, the key
 * and `apiVersion` default to `AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_API_KEY` and `OPENAI_API_VERSION`.
 */
export type AzureSora1ClientOptions = { backend: 'azure-sora1' } & Omit<Sora1ProviderOptions, 'endpoint'> & {
    endpoint?: string;
  } & VideoClientOptions;

/** Sora 2 on an Azure OpenAI resource: endpoint, deployment and one auth option (environment defaults as Sora 1). */
export type AzureSora2ClientOptions = { backend: 'azure-sora2' } & Omit<
  AzureSora2ProviderOptions,
  'endpoint'
> & {
    endpoint?: string;
  } & VideoClientOptions;

/** Sora 2 on api.openai.com: API key (default `OPENAI_API_KEY`), base URL (default `OPENAI_BASE_URL`) and model. */
export type OpenAISora2ClientOptions = { backend: 'openai-sora2' } & Omit<
  OpenAISora2ProviderOptions,
  'apiKey'
> & {
    apiKey?: string;
  } & VideoClientOptions;

/**
 * Any backend: a `VideoProvider` you built (e.g. `fromAiSdkVideoModel(...)` of `@sora-kit/ai-sdk`,
 * or your own), with the client's options. A provider of a backend other than the three Sora ones
 * brings its capability table as `provider.capabilities`.
 */
export type ProviderClientOptions = { provider: VideoProvider; backend?: never } & VideoClientOptions;

/** Options of `createVideoClient`: the backend, its connection options, and the client's options. */
export type CreateVideoClientOptions =
  | AzureSora1ClientOptions
  | AzureSora2ClientOptions
  | OpenAISora2ClientOptions;

/** The keys of {@link VideoClientOptions}; everything else goes to the provider. */
export const CLIENT_OPTION_KEYS = [
  'capabilities',
  'deploymentModel',
  'maxConcurrentJobs',
  'gate',
  'maxServiceFullRetries',
  'retry',
  'poll',
  'scope',
  'clock',
  'delay',
  'random',
  'onEvent',
] as const satisfies readonly (keyof VideoClientOptions)[];
