import {
  BACKEND_IDS,
  createClient,
  ValidationError,
  type VideoClient,
  type VideoClientOptions,
  type VideoProvider,
} from '@sora-kit/core';
import { createSora1Provider } from '@sora-kit/sora1';
import { createAzureSora2Provider, createOpenAISora2Provider } from '@sora-kit/sora2';
import {
  CLIENT_OPTION_KEYS,
  type CreateVideoClientOptions,
  type ProviderClientOptions,
} from './create-video-client-options.js';
import { withEnvDefaults } from './env-defaults.js';

/** Splits the options into the client's and the provider's. */
function split(options: CreateVideoClientOptions | ProviderClientOptions): {
  client: VideoClientOptions;
  provider: Record<string, unknown>;
} {
  const client: Record<string, unknown> = {};
  const provider: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'backend' || key === 'provider') continue;
    if ((CLIENT_OPTION_KEYS as readonly string[]).includes(key)) client[key] = value;
    else provider[key] = value;
  }
  return { client: client as VideoClientOptions, provider };
}

/**
 * The provider of a backend, built from its connection options.
 * @throws {ValidationError} for an unknown backend or missing connection options.
 */
export function createVideoProvider(given: CreateVideoClientOptions): VideoProvider {
  const options = withEnvDefaults(given);
  const { provider } = split(options);
  switch (options.backend) {
    case 'azure-sora1':
      return createSora1Provider({
        ...(provider as unknown as Parameters<typeof createSora1Provider>[0]),
        ...(options.clock && !options.now ? { now: () => options.clock!.now() } : {}),
      });
    case 'azure-sora2':
      return createAzureSora2Provider({
        ...(provider as unknown as Parameters<typeof createAzureSora2Provider>[0]),
        ...(options.clock && !options.now ? { now: () => options.clock!.now() } : {}),
      });
    case 'openai-sora2':
      return createOpenAISora2Provider(
        provider as unknown as Parameters<typeof createOpenAISora2Provider>[0],
      );
    default:
      throw new ValidationError({
        issues: [
          {
            field: 'backend',
            value: (options as { backend: unknown }).backend,
            allowed: [...BACKEND_IDS],
            message: `backend: ${String((options as { backend: unknown }).backend)} is not a sora-kit backend; allowed: ${BACKEND_IDS.join(', ')}`,
          },
        ],
      });
  }
}

/**
 * A `VideoClient` for one backend: validation against its capabilities, the concurrency gate,
 * waiting with progress, retries and job handles.
 * @example
 * const client = createVideoClient({ backend: 'openai-sora2', apiKey: process.env.OPENAI_API_KEY! });
 * const job = await client.generate({ prompt: 'a red balloon over a lake', seconds: 4 });
 * await client.downloadToFile(job, 'balloon.mp4');
 * @example
 * const azure = createVideoClient({
 *   backend: 'azure-sora1',
 *   endpoint: 'https://my-resource.openai.azure.com',
 *   deployment: 'sora',
 *   credential: new DefaultAzureCredential(),
 * });
 * @example
 * // any VideoProvider, e.g. an AI SDK video model wrapped by @sora-kit/ai-sdk
 * const veo = createVideoClient({ provider: fromAiSdkVideoModel(google.video('veo-3.1-generate-001'), { capabilities }) });
 */
export function createVideoClient(options: CreateVideoClientOptions | ProviderClientOptions): VideoClient {
  const provider = 'provider' in options && options.provider !== undefined ? options.provider : undefined;
  if (provider !== undefined) return createClient(provider, split(options).client);
  return createClient(createVideoProvider(options as CreateVideoClientOptions), split(options).client);
}
