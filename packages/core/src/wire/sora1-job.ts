/**
 * Strict schemas of the Azure OpenAI video generation job objects (Sora 1; contracts 2.4 and
 * rulings 2 and 6). For writers and contract checks: unknown fields are errors.
 * @module
 */
import { z } from 'zod';

/** `JobStatus` of Azure video generation jobs. */
export const SORA1_JOB_STATUSES = [
  'preprocessing',
  'queued',
  'running',
  'processing',
  'cancelled',
  'succeeded',
  'failed',
] as const;

const fraction = z.number().min(0).max(1);

/** `CropBounds`: fractions of the input to keep (defaults 0, 0, 1, 1). */
export const sora1CropBoundsSchema = z.strictObject({
  left_fraction: fraction.optional(),
  top_fraction: fraction.optional(),
  right_fraction: fraction.optional(),
  bottom_fraction: fraction.optional(),
});

/** `InpaintItem`: where an uploaded file goes (`type` `video` accepted per ruling 5). */
export const sora1InpaintItemSchema = z.strictObject({
  frame_index: z.number().int().min(0),
  type: z.enum(['image', 'video']),
  file_name: z.string().min(1),
  crop_bounds: sora1CropBoundsSchema.optional(),
});

/** The `inpaint_items` list (sent as a JSON string form field). */
export const sora1InpaintItemsSchema = z.array(sora1InpaintItemSchema);

/** `VideoGeneration`: one output (variant) of a job. */
export const sora1GenerationSchema = z.strictObject({
  object: z.literal('video.generation'),
  id: z.string().min(1),
  job_id: z.string().min(1),
  created_at: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  n_seconds: z.number().int().positive(),
  prompt: z.string(),
});

/**
 * `VideoGenerationJob`. `finished_at`, `expires_at` and `failure_reason` are present as `null`
 * until set and `generations` is `[]` until success (ruling 6).
 */
export const sora1JobSchema = z.strictObject({
  object: z.literal('video.generation.job'),
  id: z.string().min(1),
  status: z.enum(SORA1_JOB_STATUSES),
  created_at: z.number().int(),
  finished_at: z.number().int().nullable(),
  expires_at: z.number().int().nullable(),
  generations: z.array(sora1GenerationSchema),
  prompt: z.string(),
  model: z.string(),
  n_variants: z.number().int().positive(),
  n_seconds: z.number().int().positive(),
  height: z.number().int().positive(),
  width: z.number().int().positive(),
  inpaint_items: sora1InpaintItemsSchema.optional(),
  failure_reason: z.string().nullable(),
});

/** `VideoGenerationJobList`: one page of `GET /video/generations/jobs`. */
export const sora1JobListSchema = z.strictObject({
  object: z.literal('list'),
  data: z.array(sora1JobSchema),
  has_more: z.boolean(),
  first_id: z.string().nullable().optional(),
  last_id: z.string().nullable().optional(),
});

/** A Sora 1 job. */
export type Sora1Job = z.infer<typeof sora1JobSchema>;
/** A status of a Sora 1 job. */
export type Sora1JobStatus = (typeof SORA1_JOB_STATUSES)[number];
/** One generation (output) of a Sora 1 job. */
export type Sora1Generation = z.infer<typeof sora1GenerationSchema>;
/** One page of Sora 1 jobs. */
export type Sora1JobList = z.infer<typeof sora1JobListSchema>;
/** One inpaint item. */
export type Sora1InpaintItem = z.infer<typeof sora1InpaintItemSchema>;
/** Crop bounds of an inpaint item. */
export type Sora1CropBounds = z.infer<typeof sora1CropBoundsSchema>;
