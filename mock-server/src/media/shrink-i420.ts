/**
 * Shrinks an I420 frame plane by plane with the separable box filter of `resizeRgba` (same taps),
 * so a still can be downscaled before its colour conversion: one channel per sample instead of
 * four, and the RGB conversion only at the small size.
 * @module
 */

import { axisTaps } from './image/resize-rgba.js';
import type { I420Frame } from './scene.js';
import type { SceneCanvas } from './scene-canvas.js';

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
  const out = new Uint8Array(targetWidth * targetHeight);
  shrinkRowsByWholeFactors(
    plane,
    width,
    width / targetWidth,
    height / targetHeight,
    out,
    targetWidth,
    0,
    targetHeight,
  );
  return out;
}

/**
 * Box average of tile rows `fromRow..toRow` and columns `fromColumn..toColumn` (exclusive) of
 * `out` from a plane with row stride `stride`: each output sample is the rounded mean of its
 * `fx x fy` source block.
 */
function shrinkRowsByWholeFactors(
  plane: Uint8Array,
  stride: number,
  fx: number,
  fy: number,
  out: Uint8Array,
  targetWidth: number,
  fromRow: number,
  toRow: number,
  fromColumn = 0,
  toColumn = targetWidth,
): void {
  const area = fx * fy;
  const sums = new Uint32Array(targetWidth);
  for (let ty = fromRow; ty < toRow; ty++) {
    sums.fill(0, fromColumn, toColumn);
    for (let y = ty * fy, end = y + fy; y < end; y++) {
      let p = y * stride + fromColumn * fx;
      for (let tx = fromColumn; tx < toColumn; tx++) {
        let sum = 0;
        for (let k = 0; k < fx; k++) sum += plane[p++] as number;
        sums[tx] = (sums[tx] as number) + sum;
      }
    }
    const row = ty * targetWidth;
    for (let tx = fromColumn; tx < toColumn; tx++) out[row + tx] = Math.round((sums[tx] as number) / area);
  }
}

/** Keeps a moving scene canvas shrunk to one tile size (see {@link createTileShrinker}). */
export interface TileShrinker {
  /**
   * Seeks the canvas to frame `index` and returns that frame shrunk to the tile size. The
   * returned planes are reused by the next call.
   */
  tileAt(index: number): I420Frame;
}

/**
 * A shrinker for the frames of `canvas` (cropped to `width x height`) when the shrink factors are
 * whole for luma and chroma, else `undefined`. After each seek only the tile samples whose source
 * blocks the canvas repainted are averaged again, so the result equals {@link shrinkI420} of the
 * whole frame at a fraction of the reads (a scene changes a few bands per frame).
 */
export function createTileShrinker(
  canvas: SceneCanvas,
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): TileShrinker | undefined {
  const chroma = { width: Math.ceil(width / 2), height: Math.ceil(height / 2) };
  const targetChroma = { width: Math.ceil(targetWidth / 2), height: Math.ceil(targetHeight / 2) };
  const whole =
    width % targetWidth === 0 &&
    height % targetHeight === 0 &&
    chroma.width % targetChroma.width === 0 &&
    chroma.height % targetChroma.height === 0;
  if (!whole) return undefined;
  const fx = width / targetWidth;
  const fy = height / targetHeight;
  const cfx = chroma.width / targetChroma.width;
  const cfy = chroma.height / targetChroma.height;
  const tile: I420Frame = {
    width: targetWidth,
    height: targetHeight,
    y: new Uint8Array(targetWidth * targetHeight),
    u: new Uint8Array(targetChroma.width * targetChroma.height),
    v: new Uint8Array(targetChroma.width * targetChroma.height),
  };
  const stride = canvas.planes.width;
  const shrink = (rect: { x0: number; y0: number; x1: number; y1: number }): void => {
    const { planes } = canvas;
    const { x0, y0, x1, y1 } = rect;
    const lumaFrom = Math.floor(Math.max(0, y0) / fy);
    const lumaTo = Math.min(targetHeight, Math.ceil(Math.min(height, y1) / fy));
    const lumaLeft = Math.floor(Math.max(0, x0) / fx);
    const lumaRight = Math.min(targetWidth, Math.ceil(Math.min(width, x1) / fx));
    if (lumaFrom < lumaTo && lumaLeft < lumaRight)
      shrinkRowsByWholeFactors(
        planes.y,
        stride,
        fx,
        fy,
        tile.y,
        targetWidth,
        lumaFrom,
        lumaTo,
        lumaLeft,
        lumaRight,
      );
    const chromaFrom = Math.floor(Math.max(0, y0 >> 1) / cfy);
    const chromaTo = Math.min(targetChroma.height, Math.ceil(Math.min(chroma.height, (y1 + 1) >> 1) / cfy));
    const chromaLeft = Math.floor(Math.max(0, x0 >> 1) / cfx);
    const chromaRight = Math.min(targetChroma.width, Math.ceil(Math.min(chroma.width, (x1 + 1) >> 1) / cfx));
    if (chromaFrom >= chromaTo || chromaLeft >= chromaRight) return;
    for (const [plane, out] of [
      [planes.u, tile.u],
      [planes.v, tile.v],
    ] as const)
      shrinkRowsByWholeFactors(
        plane,
        stride >> 1,
        cfx,
        cfy,
        out,
        targetChroma.width,
        chromaFrom,
        chromaTo,
        chromaLeft,
        chromaRight,
      );
  };
  let shown = -1;
  return {
    tileAt(index) {
      if (shown < 0) {
        canvas.seek(index);
        shrink({ x0: 0, y0: 0, x1: width, y1: height });
      } else if (index !== shown) {
        for (const rect of canvas.seek(index)) shrink(rect);
      }
      shown = canvas.index;
      return tile;
    },
  };
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
