/**
 * Minimal, tolerant reader of the Sora 2 `video` wire object: only the fields the adapter reads,
 * nullable ones optional. Unknown fields and status words pass. (Strict writers: `@sora-kit/core/wire`.)
 * @module
 */
import { z } from 'zod';

/** A Sora 2 video as read. */
export const sora2VideoSchema = z.object({
  id: z.string(),
  status: z.string(),
  progress: z.number().nullish(),
  created_at: z.number().nullish(),
  completed_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  model: z.string().nullish(),
  prompt: z.string().nullish(),
  size: z.string().nullish(),
  seconds: z.union([z.string(), z.number()]).nullish(),
  remixed_from_video_id: z.string().nullish(),
  error: z
    .object({
      code: z.string().nullish(),
      message: z.string().nullish(),
      type: z.string().nullish().catch(undefined),
      param: z.string().nullish().catch(undefined),
      headers: z.record(z.string(), z.string()).nullish().catch(undefined),
    })
    .nullish(),
});

/** A video as read. */
export type Sora2Video = z.infer<typeof sora2VideoSchema>;

/** A Sora 2 character (`VideoCharacterResource`) as read: `id` and `name` may be null. */
export const sora2CharacterSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  created_at: z.number().nullish(),
});

/** A video listing page (`GET /videos`): the items are read one by one with {@link sora2VideoSchema}. */
export const sora2VideoListSchema = z.object({
  data: z.array(z.unknown()).nullish(),
  has_more: z.boolean().nullish(),
  last_id: z.string().nullish(),
});
