/**
 * AI SDK `duration` -> one allowed duration of a sora-kit backend.
 * @module
 */
import { type Capabilities, snapSeconds, ValidationError } from '@sora-kit/core';
import type { SharedV4Warning as SharedWarning } from './ai-sdk-types.js';

function bounds(capabilities: Capabilities): { min: number; max: number; list: string } {
  const allowed = capabilities.seconds;
  if (Array.isArray(allowed)) {
    const values = allowed as readonly number[];
    return { min: Math.min(...values), max: Math.max(...values), list: values.join(', ') };
  }
  const { min, max } = allowed as { min: number; max: number };
  return { min, max, list: `${min}..${max}` };
}

/**
 * The allowed duration for the AI SDK's `duration`: the value itself when allowed; inside the
 * allowed range, the nearest allowed value (with a warning); `undefined` when not given.
 * @throws {ValidationError} naming the allowed durations when `duration` is outside their range or not a number.
 */
export function pickSeconds(
  capabilities: Capabilities,
  duration: number | undefined,
  size: string | undefined,
  warnings: SharedWarning[],
): number | undefined {
  if (duration === undefined) return undefined;
  const { min, max, list } = bounds(capabilities);
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < min || duration > max) {
    throw new ValidationError({
      issues: [
        {
          field: 'duration',
          value: duration,
          allowed: Array.isArray(capabilities.seconds)
            ? [...(capabilities.seconds as number[])]
            : { min, max },
          backend: capabilities.backend,
          model: capabilities.model,
          message: `duration: ${String(duration)} s is not allowed on ${capabilities.backend} (${capabilities.model}); allowed seconds: ${list}`,
        },
      ],
    });
  }
  const snapped = snapSeconds(duration, capabilities, size);
  if (snapped !== duration) {
    warnings.push({
      type: 'compatibility',
      feature: 'duration',
      details: `${duration} s is not offered by ${capabilities.backend} (${capabilities.model}); using ${snapped} s (allowed: ${list})`,
    });
  }
  return snapped;
}
