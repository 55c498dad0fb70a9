/**
 * `@sora-kit/core/wire`: strict zod schemas of the three wire dialects, for the emulator (which
 * writes these objects) and the contract kit (which checks them). Adapters use tolerant readers
 * of their own instead.
 * @module
 */
export {
  type Sora1Error,
  type Sora1FlatError,
  type Sora1WrappedError,
  sora1ErrorSchema,
  sora1FlatErrorSchema,
  sora1InnerErrorSchema,
  sora1WrappedErrorSchema,
} from './sora1-error.js';
export {
  SORA1_JOB_STATUSES,
  type Sora1CropBounds,
  type Sora1Generation,
  type Sora1InpaintItem,
  type Sora1Job,
  type Sora1JobList,
  type Sora1JobStatus,
  sora1CropBoundsSchema,
  sora1GenerationSchema,
  sora1InpaintItemSchema,
  sora1InpaintItemsSchema,
  sora1JobListSchema,
  sora1JobSchema,
} from './sora1-job.js';
export {
  type Sora1CreateJobBody,
  type Sora1CreateJobFormFields,
  sora1CreateJobBodySchema,
  sora1CreateJobFormFieldsSchema,
} from './sora1-requests.js';
export {
  type Sora2CreateVideoBody,
  type Sora2EditBody,
  type Sora2ExtendBody,
  type Sora2ImageReference,
  type Sora2RemixBody,
  sora2CreateVideoBodySchema,
  sora2EditBodySchema,
  sora2ExtendBodySchema,
  sora2ImageReferenceSchema,
  sora2RemixBodySchema,
  sora2VideoReferenceSchema,
} from './sora2-requests.js';
export {
  SORA2_VIDEO_STATUSES,
  type Sora2Character,
  type Sora2DeletedVideo,
  type Sora2ErrorResponse,
  type Sora2Video,
  type Sora2VideoError,
  type Sora2VideoList,
  type Sora2VideoStatus,
  type Sora2WebhookEvent,
  sora2CharacterSchema,
  sora2DeletedVideoSchema,
  sora2ErrorResponseSchema,
  sora2VideoErrorSchema,
  sora2VideoListSchema,
  sora2VideoSchema,
  sora2WebhookEventSchema,
} from './sora2-video.js';
