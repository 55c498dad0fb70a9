import type { RgbaImage } from './rgba-image.js';

/** A rectangle of the source image in (fractional) pixels. */
export interface SourceRect {
  /** Left edge in pixels. */
  readonly x: number;
  /** Top edge in pixels. */
  readonly y: number;
  /** Width in pixels (> 0). */
  readonly width: number;
  /** Height in pixels (> 0). */
  readonly height: number;
}

/** Per output sample along one axis: the first source sample and the weights from there on. */
export interface AxisTaps {
  /** First source index of each output sample. */
  first: Int32Array;
  /** Normalised weights of each output sample's source samples. */
  weights: Float64Array[];
}

/**
 * Per output sample: the source samples and weights along one axis. Shrinking averages the covered
 * source span (box filter with fractional edges); enlarging interpolates linearly.
 */
export function axisTaps(start: number, span: number, sourceSize: number, targetSize: number): AxisTaps {
  const scale = span / targetSize;
  const first = new Int32Array(targetSize);
  const weights: Float64Array[] = [];
  const clampIndex = (i: number): number => Math.min(sourceSize - 1, Math.max(0, i));
  for (let i = 0; i < targetSize; i++) {
    if (scale >= 1) {
      const from = start + i * scale;
      const to = from + scale;
      const k0 = clampIndex(Math.floor(from));
      const k1 = clampIndex(Math.ceil(to) - 1);
      const taps = new Float64Array(k1 - k0 + 1);
      let total = 0;
      for (let k = k0; k <= k1; k++) {
        const w = Math.max(0, Math.min(k + 1, to) - Math.max(k, from));
        taps[k - k0] = w;
        total += w;
      }
      if (total === 0) taps[0] = total = 1;
      for (let k = 0; k < taps.length; k++) taps[k]! /= total;
      first[i] = k0;
      weights.push(taps);
    } else {
      const centre = start + (i + 0.5) * scale - 0.5;
      const k0 = Math.floor(centre);
      const t = centre - k0;
      const a = clampIndex(k0);
      const b = clampIndex(k0 + 1);
      first[i] = a;
      weights.push(b === a ? Float64Array.of(1) : Float64Array.of(1 - t, t));
    }
  }
  return { first, weights };
}

/**
 * Resamples a rectangle of an RGBA image to `targetWidth x targetHeight` (separable box filter when
 * shrinking, bilinear when enlarging, alpha-premultiplied so transparent pixels do not bleed).
 * The rectangle is stretched to the target; callers choose it to keep the aspect ratio if needed.
 */
export function resizeRgba(
  image: RgbaImage,
  source: SourceRect,
  targetWidth: number,
  targetHeight: number,
): RgbaImage {
  const columns = axisTaps(source.x, source.width, image.width, targetWidth);
  const rows = axisTaps(source.y, source.height, image.height, targetHeight);
  let rowMin = image.height;
  let rowMax = -1;
  for (let i = 0; i < targetHeight; i++) {
    rowMin = Math.min(rowMin, rows.first[i]!);
    rowMax = Math.max(rowMax, rows.first[i]! + rows.weights[i]!.length - 1);
  }
  const bandHeight = rowMax - rowMin + 1;
  const band = new Float64Array(bandHeight * targetWidth * 4);
  const src = image.rgba;
  for (let y = rowMin; y <= rowMax; y++) {
    for (let x = 0; x < targetWidth; x++) {
      const taps = columns.weights[x]!;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0, p = (y * image.width + columns.first[x]!) * 4; k < taps.length; k++, p += 4) {
        const w = taps[k]!;
        const wa = w * src[p + 3]!;
        r += wa * src[p]!;
        g += wa * src[p + 1]!;
        b += wa * src[p + 2]!;
        a += wa;
      }
      const out = ((y - rowMin) * targetWidth + x) * 4;
      band[out] = r;
      band[out + 1] = g;
      band[out + 2] = b;
      band[out + 3] = a;
    }
  }
  const rgba = new Uint8Array(targetWidth * targetHeight * 4);
  for (let y = 0; y < targetHeight; y++) {
    const taps = rows.weights[y]!;
    for (let x = 0; x < targetWidth; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < taps.length; k++) {
        const p = ((rows.first[y]! + k - rowMin) * targetWidth + x) * 4;
        const w = taps[k]!;
        r += w * band[p]!;
        g += w * band[p + 1]!;
        b += w * band[p + 2]!;
        a += w * band[p + 3]!;
      }
      const out = (y * targetWidth + x) * 4;
      if (a > 0) {
        rgba[out] = Math.round(r / a);
        rgba[out + 1] = Math.round(g / a);
        rgba[out + 2] = Math.round(b / a);
      }
      rgba[out + 3] = Math.round(a);
    }
  }
  return { width: targetWidth, height: targetHeight, rgba };
}
