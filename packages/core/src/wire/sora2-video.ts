/**
 * Strict schemas of the OpenAI Videos API objects (Sora 2), as the OpenAPI document describes
 * them (contracts 1.4-1.7). For writers and contract checks: unknown fields are errors.
 * @module
 */
import { z } from 'zod';

/** `VideoStatus` of the OpenAI Videos API. */
export const SORA2_VIDEO_STATUSES = ['queued', 'in_progress', 'completed', 'failed'] as const;

/**
 * `Error-2`: why a video failed. The newest SDK (openai-node 7.59.0 `VideoCreateError`) adds
 * optional `param` and `type` (string or null), `headers` (the original error's headers:
 * `Retry-After`, `Retry-After-Ms`, on opted-in deployments `x-openai-inference-capacity-reason`)
 * and `misalignment` (a policy block's public explanation); older SDKs read `code` and `message`.
 */
export const sora2VideoErrorSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  param: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  misalignment: z
    .strictObject({
      detailed_explanation: z.string().optional(),
      error_type: z.string().optional(),
      review_target: z.string().nullable().optional(),
      steer: z.strictObject({ message: z.string() }).optional(),
    })
    .optional(),
});

/** `VideoResource`: all 13 fields required; the nullable ones are present as `null`. */
export const sora2VideoSchema = z.strictObject({
  id: z.string().min(1),
  object: z.literal('video'),
  model: z.string(),
  status: z.enum(SORA2_VIDEO_STATUSES),
  progress: z.number().int().min(0).max(100),
  created_at: z.number().int(),
  completed_at: z.number().int().nullable(),
  expires_at: z.number().int().nullable(),
  prompt: z.string().nullable(),
  size: z.string().regex(/^\d+x\d+$/),
  seconds: z.string().regex(/^\d+$/),
  remixed_from_video_id: z.string().nullable(),
  error: sora2VideoErrorSchema.nullable(),
});

/** `VideoListResource`: one page of `GET /videos`. */
export const sora2VideoListSchema = z.strictObject({
  object: z.literal('list'),
  data: z.array(sora2VideoSchema),
  first_id: z.string().nullable(),
  last_id: z.string().nullable(),
  has_more: z.boolean(),
});

/** `DeletedVideoResource`: the answer to `DELETE /videos/{id}`. */
export const sora2DeletedVideoSchema = z.strictObject({
  id: z.string(),
  object: z.literal('video.deleted'),
  deleted: z.boolean(),
});

/** `VideoCharacterResource`: a character (`POST /videos/characters`, `GET /videos/characters/{id}`). */
export const sora2CharacterSchema = z.strictObject({
  id: z.string().nullable(),
  name: z.string().nullable(),
  created_at: z.number().int(),
});

/** `ErrorResponse`: the OpenAI error envelope (Azure Sora 2 uses it too). */
export const sora2ErrorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().nullable(),
    message: z.string(),
    param: z.string().nullable(),
    type: z.string(),
  }),
});

/** `video.completed` / `video.failed` webhook payload (guide example; `object` optional). */
export const sora2WebhookEventSchema = z.strictObject({
  id: z.string(),
  object: z.literal('event').optional(),
  created_at: z.number().int(),
  type: z.enum(['video.completed', 'video.failed']),
  data: z.strictObject({ id: z.string() }),
});

/** A video object of the OpenAI Videos API. */
export type Sora2Video = z.infer<typeof sora2VideoSchema>;
/** The failure details of a video. */
export type Sora2VideoError = z.infer<typeof sora2VideoErrorSchema>;
/** A status of a video. */
export type Sora2VideoStatus = (typeof SORA2_VIDEO_STATUSES)[number];
/** One page of videos. */
export type Sora2VideoList = z.infer<typeof sora2VideoListSchema>;
/** The answer to a delete. */
export type Sora2DeletedVideo = z.infer<typeof sora2DeletedVideoSchema>;
/** The OpenAI error envelope. */
export type Sora2ErrorResponse = z.infer<typeof sora2ErrorResponseSchema>;
/** A video webhook event. */
export type Sora2WebhookEvent = z.infer<typeof sora2WebhookEventSchema>;

/** A character. */
export type Sora2Character = z.infer<typeof sora2CharacterSchema>;
