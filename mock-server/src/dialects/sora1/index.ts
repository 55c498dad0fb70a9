export {
  generationRender,
  qualitySize,
  type Sora1VideoQuality,
} from './generation-media.js';
export { parseSora1CreateForm, parseSora1CreateJson } from './parse-sora1-create.js';
export {
  parseSora1ListQuery,
  SORA1_DEFAULT_LIST_LIMIT,
  SORA1_MAX_LIST_LIMIT,
} from './parse-sora1-list-query.js';
export { renderSora1Error, type Sora1ErrorAnswer } from './render-sora1-error.js';
export {
  renderSora1Generation,
  renderSora1Job,
  renderSora1JobList,
  storedInpaintItems,
} from './render-sora1-job.js';
export { checkSora1Limits, type Sora1CreateRequest, type Sora1InputItem } from './sora1-create-request.js';
export { badRequest, deploymentNotFound, Sora1RequestError, unauthorized } from './sora1-request-error.js';
export { createSora1Routes, SORA1_API_VERSIONS, sora1NotFound, sora1Scope } from './sora1-routes.js';
export { toCreateJobInput } from './to-create-job-input.js';
