export type { AiSdkModelCapabilities, SizeParameter } from './ai-sdk-capabilities.js';
export type { VideoModelV3, VideoModelV4, VideoModelV4CallOptions } from './ai-sdk-types.js';
export { createSoraKit, type SoraKitProvider, type SoraKitProviderOptions } from './create-sora-kit.js';
export {
  type AiSdkVideoProvider,
  type FromAiSdkVideoModelOptions,
  fromAiSdkVideoModel,
} from './from-ai-sdk-video-model.js';
export { mapAiSdkError } from './map-ai-sdk-error.js';
export { aspectRatioOf } from './pick-size.js';
export { parseOperation, type SoraKitOperation } from './sora-kit-operation.js';
export { SORA_KIT_OPTION_KEYS, type SoraKitVideoProviderOptions } from './sora-kit-provider-options.js';
export { SoraKitVideoModel, type SoraKitVideoModelSettings } from './sora-kit-video-model.js';
export type { AnyVideoModel, ForeignVideoModel } from './upgrade-video-model.js';
export { WELL_KNOWN_MODELS, wellKnownCapabilities } from './well-known-models.js';
