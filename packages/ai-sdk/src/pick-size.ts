/**
 * AI SDK `aspectRatio` / `resolution` -> one allowed size of a sora-kit backend.
 * @module
 */
import { type Capabilities, parseSize, type SizeString, snapSize, ValidationError } from '@sora-kit/core';
import type { SharedV4Warning as SharedWarning } from './ai-sdk-types.js';

/** Relative difference below which two aspect ratios count as the same (1280x720 vs 16:9). */
const RATIO_TOLERANCE = 0.02;

/** The aspect ratio `W:H` of a size, reduced (`1280x720` -> `16:9`). */
export function aspectRatioOf(size: string): `${number}:${number}` | undefined {
  const dimensions = parseSize(size);
  if (dimensions === undefined) return undefined;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const divisor = gcd(dimensions.width, dimensions.height);
  return `${dimensions.width / divisor}:${dimensions.height / divisor}`;
}

function ratioValue(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)[:x](\d+(?:\.\d+)?)$/u.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) / Number(match[2]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const sameRatio = (a: number, b: number) => Math.abs(a / b - 1) <= RATIO_TOLERANCE;

function allowedList(capabilities: Capabilities): string {
  return capabilities.sizes.map((size) => `${size} (${aspectRatioOf(size)})`).join(', ');
}

function refuse(field: string, value: unknown, capabilities: Capabilities, why: string): ValidationError {
  return new ValidationError({
    issues: [
      {
        field,
        value,
        allowed: [...capabilities.sizes],
        backend: capabilities.backend,
        model: capabilities.model,
        message: `${field}: ${String(value)} ${why} on ${capabilities.backend} (${capabilities.model}); allowed sizes: ${allowedList(capabilities)}`,
      },
    ],
  });
}

/**
 * The allowed size for the AI SDK's `aspectRatio` and `resolution`: the resolution itself when
 * allowed; else the allowed size of the same aspect ratio closest in area (with a warning); for an
 * aspect ratio alone, the default size when it has that ratio, else the allowed size of that ratio
 * closest in area to the default size. `undefined` when neither is given (the model's default applies).
 * @throws {ValidationError} naming the allowed sizes when no allowed size has the aspect ratio, or
 * when `aspectRatio` and `resolution` disagree.
 */
export function pickSize(
  capabilities: Capabilities,
  aspectRatio: string | undefined,
  resolution: string | undefined,
  warnings: SharedWarning[],
): SizeString | undefined {
  if (aspectRatio === 'adaptive') {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: `"adaptive" is not supported on ${capabilities.backend}; the size is the default ${capabilities.defaultSize} unless resolution says otherwise`,
    });
    aspectRatio = undefined;
  }
  const ratio = aspectRatio === undefined ? undefined : ratioValue(aspectRatio);
  if (aspectRatio !== undefined && ratio === undefined)
    throw refuse('aspectRatio', aspectRatio, capabilities, 'is not a W:H aspect ratio');
  if (resolution !== undefined) {
    const wanted = parseSize(resolution);
    if (wanted === undefined)
      throw refuse('resolution', resolution, capabilities, 'is not a WIDTHxHEIGHT resolution');
    const wantedRatio = wanted.width / wanted.height;
    if (ratio !== undefined && !sameRatio(ratio, wantedRatio))
      throw refuse('aspectRatio', aspectRatio, capabilities, `does not match resolution ${resolution}`);
    const exact = capabilities.sizes.find((size) => size === `${wanted.width}x${wanted.height}`);
    if (exact) return exact;
    const snapped = snapSize(resolution, capabilities);
    if (!sameRatio(ratioValue(snapped) ?? 0, wantedRatio))
      throw refuse('resolution', resolution, capabilities, 'has no allowed size of its aspect ratio');
    warnings.push({
      type: 'compatibility',
      feature: 'resolution',
      details: `${resolution} is not offered by ${capabilities.backend} (${capabilities.model}); using ${snapped}, the closest allowed size of that aspect ratio`,
    });
    return snapped;
  }
  if (ratio === undefined) return undefined;
  const matching = capabilities.sizes.filter((size) => sameRatio(ratioValue(size) ?? 0, ratio));
  if (matching.length === 0) throw refuse('aspectRatio', aspectRatio, capabilities, 'has no allowed size');
  if (matching.includes(capabilities.defaultSize)) return capabilities.defaultSize;
  // The size of that ratio closest in area to the default size.
  const base = parseSize(capabilities.defaultSize);
  const area = base === undefined ? 1 : base.width * base.height;
  const width = Math.sqrt(area * ratio);
  return snapSize(`${Math.round(width)}x${Math.round(width / ratio)}`, { ...capabilities, sizes: matching });
}
