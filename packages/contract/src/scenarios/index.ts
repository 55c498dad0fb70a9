/**
 * The built-in scenarios, cheapest first (a live run's cost guard spends its jobs in this order).
 * @module
 */
import type { Scenario } from '../scenario.js';
import { characters } from './characters.js';
import { createCompleteDownload } from './create-complete-download.js';
import { deleteJob } from './delete.js';
import { edit } from './edit.js';
import { expiry } from './expiry.js';
import { extend } from './extend.js';
import { failure } from './failure.js';
import { invalidFieldScenarios } from './invalid-fields.js';
import { listPagination } from './list-pagination.js';
import { missingAuth } from './missing-auth.js';
import { moderation } from './moderation.js';
import { quota } from './quota.js';
import { remix } from './remix.js';

export { characters } from './characters.js';
export { createCompleteDownload } from './create-complete-download.js';
export { deleteJob } from './delete.js';
export { ALL_DIALECTS, SORA1_DIALECTS, SORA2_DIALECTS } from './dialect-groups.js';
export { edit } from './edit.js';
export { expiry } from './expiry.js';
export { extend } from './extend.js';
export { failure } from './failure.js';
export {
  invalidCropBounds,
  invalidFieldScenarios,
  invalidInputReference,
  invalidModel,
  invalidNSeconds,
  invalidNVariants,
  invalidPrompt,
  invalidResolution,
  invalidSeconds,
  invalidSize,
} from './invalid-fields.js';
export { listPagination } from './list-pagination.js';
export { missingAuth } from './missing-auth.js';
export { moderation } from './moderation.js';
export { quota } from './quota.js';
export { remix } from './remix.js';

/** Every built-in scenario, in run order. */
export const contractScenarios: readonly Scenario[] = [
  missingAuth,
  ...invalidFieldScenarios,
  createCompleteDownload,
  deleteJob,
  listPagination,
  characters,
  remix,
  edit,
  extend,
  failure,
  moderation,
  quota,
  expiry,
];
