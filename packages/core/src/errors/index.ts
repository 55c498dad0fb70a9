export { AbortedError, type AbortedErrorOptions } from './aborted-error.js';
export {
  CreateOutcomeUnknownError,
  type CreateOutcomeUnknownErrorOptions,
} from './create-outcome-unknown-error.js';
export {
  type ErrorEnvelopeFields,
  type ErrorResponseInput,
  errorFromResponse,
  readErrorEnvelope,
} from './error-from-response.js';
export { ExpiredError, type ExpiredErrorOptions } from './expired-error.js';
export { GateUnavailableError, type GateUnavailableErrorOptions } from './gate-unavailable-error.js';
export { isModerationCode, JobFailedError, type JobFailedErrorOptions } from './job-failed-error.js';
export { ModelRetiredError, type ModelRetiredErrorOptions } from './model-retired-error.js';
export { type HeadersInput, normalizeHeaders } from './normalize-headers.js';
export { NotFoundError, type NotFoundErrorOptions } from './not-found-error.js';
export {
  QuotaExceededError,
  type QuotaExceededErrorOptions,
  type QuotaReason,
} from './quota-exceeded-error.js';
export { parseRetryAfterMs } from './retry-after.js';
export { ServiceRetiredError, type ServiceRetiredErrorOptions } from './service-retired-error.js';
export { SoraKitError, type SoraKitErrorOptions } from './sora-kit-error.js';
export { TimeoutError, type TimeoutErrorOptions } from './timeout-error.js';
export {
  type CapabilityName,
  UnsupportedCapabilityError,
  type UnsupportedCapabilityErrorOptions,
} from './unsupported-capability-error.js';
export {
  type AllowedValues,
  formatAllowed,
  type NumberRange,
  ValidationError,
  type ValidationErrorOptions,
  type ValidationIssue,
} from './validation-error.js';
export { isRetryableStatus, VideoApiError, type VideoApiErrorOptions } from './video-api-error.js';
