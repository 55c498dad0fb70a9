export { BodyError, type BodyErrorKind } from './body-error.js';
export {
  type AuthResult,
  authenticate,
  bearerToken,
  type HostFamily,
  partitionOf,
  readCredential,
} from './credential.js';
export type { EmulatorEnv, EmulatorVariables } from './emulator-env.js';
export {
  checkFieldName,
  emptyFormObject,
  type FormNode,
  type FormObject,
  type FormValue,
  formToObject,
  MAX_FIELD_DEPTH,
  parseFieldName,
} from './form-fields.js';
export { type OpenAIErrorBody, openAIErrorBody } from './openai-error-body.js';
export {
  type BodyEncoding,
  bodyEncoding,
  forgetBody,
  readBodyBytes,
  readFormBody,
  readJsonBody,
} from './read-body.js';
export { MAX_MULTIPART_PARTS, MAX_PART_HEADER_BYTES, readMultipartBody } from './read-multipart.js';
export {
  createRenderCache,
  type RenderCache,
  type RenderCacheOptions,
  type RenderCacheStats,
  type Renderer,
  type RenderRequest,
  renderMedia,
} from './render-cache.js';
export { jsonWithRequestId, type RequestIdOptions, requestIdMiddleware } from './request-id.js';
export { UploadForm } from './upload-form.js';
export { UploadedFile } from './uploaded-file.js';
export { WireError, type WireErrorInit } from './wire-error.js';
