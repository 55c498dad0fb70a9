export type {
  VideoModelV3,
  VideoModelV4,
  VideoModelV4CallOptions,
} from './ai-sdk-types.js';
export { createSoraKit, type SoraKitProvider, type SoraKitProviderOptions } from './create-sora-kit.js';
export { aspectRatioOf } from './pick-size.js';
export type { SoraKitOperation } from './sora-kit-operation.js';
export { parseOperation } from './sora-kit-operation.js';
export { SORA_KIT_OPTION_KEYS, type SoraKitVideoProviderOptions } from './sora-kit-provider-options.js';
export { SoraKitVideoModel, type SoraKitVideoModelSettings } from './sora-kit-video-model.js';
