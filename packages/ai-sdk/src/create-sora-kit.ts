/**
 * `createSoraKit`: sora-kit as an AI SDK video provider.
 * @module
 */
import type { VideoClient } from '@sora-kit/core';
import { type CreateVideoClientOptions, createVideoClient, type ProviderClientOptions } from 'sora-kit';
import { SoraKitVideoModel, type SoraKitVideoModelSettings } from './sora-kit-video-model.js';

/** Options of {@link createSoraKit}: those of `createVideoClient`, or an existing client. */
export type SoraKitProviderOptions = (
  | CreateVideoClientOptions
  | ProviderClientOptions
  | { client: VideoClient }
) &
  SoraKitVideoModelSettings;

/** What {@link createSoraKit} returns. */
export interface SoraKitProvider {
  /** A `VideoModelV4` for `modelId` (Sora 2 model id, or the Azure deployment); default the client's model. */
  video(modelId?: string): SoraKitVideoModel;
  /** Same as {@link SoraKitProvider.video}. */
  videoModel(modelId?: string): SoraKitVideoModel;
  /** The client every model of this provider uses (one concurrency gate for all of them). */
  readonly client: VideoClient;
}

/**
 * sora-kit as an AI SDK video provider: `.video(modelId?)` is a `VideoModelV4` for
 * `experimental_generateVideo`, `experimental_startVideo` and `experimental_getVideoStatus`.
 * @example
 * import { experimental_generateVideo as generateVideo } from 'ai';
 * const soraKit = createSoraKit({ backend: 'openai-sora2', apiKey: process.env.OPENAI_API_KEY! });
 * const { video } = await generateVideo({ model: soraKit.video('sora-2'), prompt: 'a red fox in the snow', aspectRatio: '16:9', duration: 4 });
 * @example
 * // the emulator, or any VideoClient you already have
 * const soraKit = createSoraKit({ client: createVideoClient({ backend: 'azure-sora1', endpoint, deployment: 'sora', apiKey }) });
 */
export function createSoraKit(options: SoraKitProviderOptions): SoraKitProvider {
  const { fetch: fetchImpl, now, ...rest } = options;
  const settings: SoraKitVideoModelSettings = {
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    ...(now === undefined ? {} : { now }),
  };
  const client =
    'client' in rest && rest.client !== undefined
      ? rest.client
      : createVideoClient({
          ...(rest as CreateVideoClientOptions),
          ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
        } as CreateVideoClientOptions);
  const video = (modelId?: string) => new SoraKitVideoModel(client, modelId, settings);
  return { video, videoModel: video, client };
}
