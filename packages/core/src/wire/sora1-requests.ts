/**
 * Strict schemas of the Azure Sora 1 create request (contracts 2.3). Integers may arrive as
 * numeric strings (the Learn quickstart and observed clients send `"n_seconds": "5"`); the
 * schemas accept both and output numbers.
 * @module
 */
import { z } from 'zod';

const integer = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** `CreateVideoGenerationRequest`: `POST /video/generations/jobs` with a JSON body. */
export const sora1CreateJobBodySchema = z.strictObject({
  prompt: z.string().min(1),
  width: integer,
  height: integer,
  n_seconds: integer.optional(),
  n_variants: integer.optional(),
  model: z.string().min(1),
});

/**
 * The text fields of the multipart create request (all strings on the wire); `inpaint_items`
 * is a JSON string to parse with `sora1InpaintItemsSchema`. File parts (`files`) are not fields.
 */
export const sora1CreateJobFormFieldsSchema = z.strictObject({
  prompt: z.string().min(1),
  width: integer,
  height: integer,
  n_seconds: integer.optional(),
  n_variants: integer.optional(),
  model: z.string().min(1),
  inpaint_items: z.string().optional(),
});

/** A parsed JSON create body (integers as numbers). */
export type Sora1CreateJobBody = z.output<typeof sora1CreateJobBodySchema>;
/** Parsed multipart text fields (integers as numbers). */
export type Sora1CreateJobFormFields = z.output<typeof sora1CreateJobFormFieldsSchema>;
