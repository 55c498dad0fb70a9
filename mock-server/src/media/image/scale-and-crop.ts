import { resizeRgba } from './resize-rgba.js';
import type { RgbaImage } from './rgba-image.js';

/** Crop bounds as fractions of the source size (Azure Sora 1 `crop_bounds`), 0 <= left < right <= 1. */
export interface CropFractions {
  /** Left edge, 0..1 (Azure default 0). */
  readonly left: number;
  /** Top edge, 0..1 (Azure default 0). */
  readonly top: number;
  /** Right edge, 0..1 (Azure default 1). */
  readonly right: number;
  /** Bottom edge, 0..1 (Azure default 1). */
  readonly bottom: number;
}

/**
 * Crops an image to fractional bounds, then scales the crop to exactly `targetWidth x
 * targetHeight` (box filter when shrinking, bilinear when enlarging; the crop is stretched).
 *
 * @throws RangeError when the bounds are not 0 <= left < right <= 1 (same for top/bottom) or the
 *   target size is not a positive integer
 * @example
 * const frame = scaleAndCrop(await decodeImage(upload), { left: 0, top: 0.1, right: 1, bottom: 0.9 }, 1280, 720);
 */
export function scaleAndCrop(
  image: RgbaImage,
  crop: CropFractions,
  targetWidth: number,
  targetHeight: number,
): RgbaImage {
  const { left, top, right, bottom } = crop;
  const inUnit = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;
  if (![left, top, right, bottom].every(inUnit) || left >= right || top >= bottom) {
    throw new RangeError(
      `crop bounds must satisfy 0 <= left < right <= 1 and 0 <= top < bottom <= 1, got ${JSON.stringify(crop)}`,
    );
  }
  for (const size of [targetWidth, targetHeight]) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`target size must be positive integers, got ${targetWidth}x${targetHeight}`);
  }
  const source = {
    x: left * image.width,
    y: top * image.height,
    width: (right - left) * image.width,
    height: (bottom - top) * image.height,
  };
  return resizeRgba(image, source, targetWidth, targetHeight);
}
