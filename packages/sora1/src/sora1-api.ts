/**
 * Minimal, tolerant readers of the Sora 1 job wire objects: only the fields the adapter reads,
 * everything optional that the service might leave out or send as null. Unknown fields and
 * unknown status words pass. (The strict writers live in `@sora-kit/core/wire`.)
 * @module
 */
import { z } from 'zod';

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** A generation (one variant) of a job. */
export const sora1GenerationSchema = z.object({
  id: z.string(),
  width: count.nullish(),
  height: count.nullish(),
  n_seconds: count.nullish(),
});

/** A video generation job. */
export const sora1JobSchema = z.object({
  id: z.string(),
  status: z.string(),
  created_at: z.number().nullish(),
  finished_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  prompt: z.string().nullish(),
  model: z.string().nullish(),
  n_variants: count.nullish(),
  n_seconds: count.nullish(),
  width: count.nullish(),
  height: count.nullish(),
  failure_reason: z.string().nullish(),
  generations: z.array(sora1GenerationSchema).nullish(),
  /** The job's inputs as created (read for the inputs fingerprint; anything odd reads as absent). */
  inpaint_items: z.array(z.unknown()).nullish().catch(undefined),
});

/** A job listing page. */
export const sora1JobListSchema = z.object({
  data: z.array(z.unknown()).nullish(),
  has_more: z.boolean().nullish(),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
});

/** A job as read. */
export type Sora1Job = z.infer<typeof sora1JobSchema>;
