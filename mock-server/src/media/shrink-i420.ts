/**
 * Shrinks an I420 frame plane by plane with the separable box filter of `resizeRgba` (same taps),
 * so a still can be downscaled before its colour conversion: one channel per sample instead of
 * four, and the RGB conversion only at the small size.
 * @module
 */

import { axisTaps } from './image/resize-rgba.js';
import type { I420Frame } from './scene.js';

function shrinkPlane(
  plane: Uint8Array,
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): Uint8Array {
  if (width % targetWidth === 0 && height % targetHeight === 0) {
    return shrinkPlaneByWholeFactors(plane, width, height, targetWidth, targetHeight);
  }
  const columns = axisTaps(0, width, width, targetWidth);
  const rows = axisTaps(0, height, height, targetHeight);
  // Columns first, every source row; then rows. Exact sums are rounded once at the end.
  const band = new Float64Array(height * targetWidth);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < targetWidth; x++) {
      const taps = columns.weights[x] as Float64Array;
      let sum = 0;
      for (let k = 0, p = row + (columns.first[x] as number); k < taps.length; k++, p++) {
        sum += (taps[k] as number) * (plane[p] as number);
      }
      band[y * targetWidth + x] = sum;
    }
  }
  const out = new Uint8Array(targetWidth * targetHeight);
  for (let y = 0; y < targetHeight; y++) {
    const taps = rows.weights[y] as Float64Array;
    const first = rows.first[y] as number;
    for (let x = 0; x < targetWidth; x++) {
      let sum = 0;
      for (let k = 0; k < taps.length; k++)
        sum += (taps[k] as number) * (band[(first + k) * targetWidth + x] as number);
      out[y * targetWidth + x] = Math.min(255, Math.round(sum));
    }
  }
  return out;
}

/** The box average when both factors are whole: integer sums, one division per sample. */
function shrinkPlaneByWholeFactors(
  plane: Uint8Array,
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): Uint8Array {
  const fx = width / targetWidth;
  const fy = height / targetHeight;
  const area = fx * fy;
  const sums = new Uint32Array(targetWidth);
  const out = new Uint8Array(targetWidth * targetHeight);
  for (let ty = 0; ty < targetHeight; ty++) {
    sums.fill(0);
    for (let y = ty * fy, end = y + fy; y < end; y++) {
      let p = y * width;
      for (let tx = 0; tx < targetWidth; tx++) {
        let sum = 0;
        for (let k = 0; k < fx; k++) sum += plane[p++] as number;
        sums[tx] = (sums[tx] as number) + sum;
      }
    }
    const row = ty * targetWidth;
    for (let tx = 0; tx < targetWidth; tx++) out[row + tx] = Math.round((sums[tx] as number) / area);
  }
  return out;
}

/**
 * The frame shrunk to `targetWidth x targetHeight` (each at most the frame's size).
 * @example
 * const tile = i420ToRgba(shrinkI420(scene.frameAt(12), 256, 144));
 */
export function shrinkI420(frame: I420Frame, targetWidth: number, targetHeight: number): I420Frame {
  const chromaWidth = Math.ceil(frame.width / 2);
  const chromaHeight = Math.ceil(frame.height / 2);
  const targetChromaWidth = Math.ceil(targetWidth / 2);
  const targetChromaHeight = Math.ceil(targetHeight / 2);
  return {
    width: targetWidth,
    height: targetHeight,
    y: shrinkPlane(frame.y, frame.width, frame.height, targetWidth, targetHeight),
    u: shrinkPlane(frame.u, chromaWidth, chromaHeight, targetChromaWidth, targetChromaHeight),
    v: shrinkPlane(frame.v, chromaWidth, chromaHeight, targetChromaWidth, targetChromaHeight),
  };
}
