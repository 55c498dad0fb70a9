/**
 * Strict schemas of the Azure error bodies (contracts 2.6, ruling 2): the wrapped form every
 * observed Azure error uses (the emulator's default) and the flat form of the Sora 1 spec.
 * @module
 */
import { z } from 'zod';

/** `inner_error`: an upstream cause, e.g. a content-filter block. */
export const sora1InnerErrorSchema = z.strictObject({
  code: z.string().optional(),
  revised_prompt: z.string().optional(),
  error_details: z.unknown().optional(),
});

/** `{"error": {code, message, param, type, inner_error?}}` (`AzureErrorResponse`). */
export const sora1WrappedErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().nullable(),
    message: z.string(),
    param: z.string().nullable().optional(),
    type: z.string().optional(),
    inner_error: sora1InnerErrorSchema.optional(),
  }),
});

/** `AzureOpenAIVideoGenerationErrorResponse`: the flat form; no field is required. */
export const sora1FlatErrorSchema = z.strictObject({
  code: z.string().optional(),
  message: z.string().optional(),
  param: z.string().nullable().optional(),
  type: z.string().optional(),
  inner_error: sora1InnerErrorSchema.optional(),
});

/** Either Azure error form. */
export const sora1ErrorSchema = z.union([sora1WrappedErrorSchema, sora1FlatErrorSchema]);

/** The wrapped Azure error body. */
export type Sora1WrappedError = z.infer<typeof sora1WrappedErrorSchema>;
/** The flat Azure error body. */
export type Sora1FlatError = z.infer<typeof sora1FlatErrorSchema>;
/** Either Azure error body. */
export type Sora1Error = z.infer<typeof sora1ErrorSchema>;
