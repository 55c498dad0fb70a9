/**
 * `providerOptions.soraKit`: what the AI SDK call options have no field for.
 * @module
 */
import { ValidationError } from '@sora-kit/core';
import { z } from 'zod';
import type { SharedV4Warning } from './ai-sdk-types.js';

const schema = z.object({
  /** Model id (Sora 2) or Azure deployment for this call, instead of the model of `.video(id)`. */
  model: z.string().min(1).optional(),
  /** Sora 1 variants (`n_variants`); overrides `n`. */
  variants: z.number().int().min(1).optional(),
  /** Sora 1: download quality of the result, `high` (default) or `low`. */
  quality: z.enum(['high', 'low']).optional(),
  /** A finished Sora 2 job (id or handle) to remix with the prompt, instead of a new video. */
  remixOf: z.string().min(1).optional(),
  /** The exact size, instead of `aspectRatio` / `resolution`. */
  size: z
    .string()
    .regex(/^\d+x\d+$/u)
    .optional(),
  /** The exact duration in seconds, instead of `duration`. */
  seconds: z.number().int().positive().optional(),
});

/** The options of `providerOptions.soraKit`. */
export type SoraKitVideoProviderOptions = z.infer<typeof schema>;

/** The keys `providerOptions.soraKit` accepts. */
export const SORA_KIT_OPTION_KEYS = Object.keys(schema.shape) as (keyof SoraKitVideoProviderOptions)[];

/**
 * Reads `providerOptions.soraKit`; unknown keys become warnings (not silent drops).
 * @throws {ValidationError} naming the option when a known key has a wrong value.
 */
export function readSoraKitOptions(
  providerOptions: Record<string, unknown> | undefined,
  warnings: SharedV4Warning[],
): SoraKitVideoProviderOptions {
  const given = providerOptions?.soraKit;
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new ValidationError({
      issues: [
        {
          field: 'providerOptions.soraKit',
          value: given,
          message: 'providerOptions.soraKit: must be an object',
        },
      ],
    });
  }
  for (const key of Object.keys(given)) {
    if (!(SORA_KIT_OPTION_KEYS as string[]).includes(key)) {
      warnings.push({
        type: 'unsupported',
        feature: `providerOptions.soraKit.${key}`,
        details: `not a sora-kit option (known: ${SORA_KIT_OPTION_KEYS.join(', ')}); ignored`,
      });
    }
  }
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw new ValidationError({
    issues: parsed.error.issues.map((each) => ({
      field: `providerOptions.soraKit.${each.path.join('.')}`,
      value: (given as Record<string, unknown>)[String(each.path[0])],
      message: `providerOptions.soraKit.${each.path.join('.')}: ${each.message}`,
    })),
    cause: parsed.error,
  });
}
