export { type Dimensions, formatSize, parseSize } from './parse-size.js';
export { snapSeconds } from './snap-seconds.js';
export { snapSize } from './snap-size.js';
export { validateCharacterRequest } from './validate-character-request.js';
export {
  type NormalizedCreateRequest,
  type NormalizedMediaInput,
  type NormalizedPlacement,
  validateCreateRequest,
} from './validate-create-request.js';
export { validateEditRequest } from './validate-edit-request.js';
export { type ExtensionSource, validateExtendRequest } from './validate-extend-request.js';
export { validateRemixRequest } from './validate-remix-request.js';
