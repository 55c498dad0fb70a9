/**
 * An AI SDK `VideoModelV3` (doGenerate only) seen through the V4 interface.
 * @module
 */
import type { VideoModelV3, VideoModelV4 } from './ai-sdk-types.js';

/**
 * A video model typed against another copy of `@ai-sdk/provider` (a provider package may bring its
 * own version; the spec is the same, the declared types are not identical).
 */
export interface ForeignVideoModel {
  readonly specificationVersion: 'v3' | 'v4';
  readonly provider: string;
  readonly modelId: string;
  readonly maxVideosPerCall: unknown;
  doGenerate?: (options: never) => PromiseLike<unknown>;
  doStart?: (options: never) => PromiseLike<unknown>;
  doStatus?: (options: never) => PromiseLike<unknown>;
}

/** Any video model `fromAiSdkVideoModel` takes. */
export type AnyVideoModel = VideoModelV4 | VideoModelV3 | ForeignVideoModel;

/** A V4 model as is; a V3 model upgraded (same `doGenerate`, no `doStart` / `doStatus`). */
export function upgradeVideoModel(input: AnyVideoModel): VideoModelV4 {
  const model = input as VideoModelV4 | VideoModelV3;
  if (model.specificationVersion === 'v4') return model;
  return {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    maxVideosPerCall: model.maxVideosPerCall,
    doGenerate: (options) => model.doGenerate(options as Parameters<VideoModelV3['doGenerate']>[0]),
  } as VideoModelV4;
}
