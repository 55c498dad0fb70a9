/**
 * Strict schemas of the OpenAI Videos API request bodies (JSON form; contracts 1.3, 1.5).
 * Values (which sizes, which seconds) are capability checks, not shape: see `validateCreateRequest`.
 * @module
 */
import { z } from 'zod';

const prompt = z.string().min(1).max(32000);

/** `ImageRefParam-2`: exactly one of `image_url` (URL or data URL) or `file_id`. */
export const sora2ImageReferenceSchema = z
  .strictObject({
    image_url: z.string().max(20971520).optional(),
    file_id: z.string().optional(),
  })
  .refine((reference) => (reference.image_url === undefined) !== (reference.file_id === undefined), {
    message: 'Provide exactly one of image_url or file_id',
  });

/** `CreateVideoJsonBody`: `POST /videos` with a JSON body. */
export const sora2CreateVideoBodySchema = z.strictObject({
  prompt,
  model: z.string().optional(),
  seconds: z.string().regex(/^\d+$/).optional(),
  size: z
    .string()
    .regex(/^\d+x\d+$/)
    .optional(),
  input_reference: sora2ImageReferenceSchema.optional(),
  /** Characters to place (the guide; at most two). */
  characters: z.array(z.strictObject({ id: z.string().min(1) })).optional(),
});

/** `{ id }` of a completed video: the source of an edit or an extension. */
export const sora2VideoReferenceSchema = z.strictObject({ id: z.string().min(1) });

/** `CreateVideoEditJsonBody`: `POST /videos/edits` with a JSON body. */
export const sora2EditBodySchema = z.strictObject({ prompt, video: sora2VideoReferenceSchema });

/** `CreateVideoExtendJsonBody`: `POST /videos/extensions` (`seconds`: 4, 8, 12, 16 or 20). */
export const sora2ExtendBodySchema = z.strictObject({
  prompt,
  seconds: z.string().regex(/^\d+$/),
  video: sora2VideoReferenceSchema,
});

/** `CreateVideoRemixBody`: `POST /videos/{id}/remix`. */
export const sora2RemixBodySchema = z.strictObject({ prompt });

/** A JSON create body. */
export type Sora2CreateVideoBody = z.infer<typeof sora2CreateVideoBodySchema>;
/** An image reference of a JSON create body. */
export type Sora2ImageReference = z.infer<typeof sora2ImageReferenceSchema>;
/** A JSON edit body. */
export type Sora2EditBody = z.infer<typeof sora2EditBodySchema>;
/** A JSON extension body. */
export type Sora2ExtendBody = z.infer<typeof sora2ExtendBodySchema>;
/** A remix body. */
export type Sora2RemixBody = z.infer<typeof sora2RemixBodySchema>;
