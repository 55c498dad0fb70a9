/**
 * Inputs of {@link encodeJpegPlanes}: the scene's limited-range I420 planes as they are, or
 * full-range YCbCr 4:2:0 planes made from RGBA pixels.
 * @module
 */

import type { I420Frame } from '../scene.js';
import type { JfifPlanes } from './jpeg-encoder.js';

const clamp255 = (value: number): number => Math.max(0, Math.min(255, value));

/**
 * The JPEG planes of a limited-range I420 frame: its own planes, flagged `limitedRange` (the
 * encoder maps each sample to full range as it reads it). A decoder's full-range conversion shows
 * the colours of {@link i420ToRgba} of the frame, up to rounding; same sampling.
 * @example
 * const jpeg = encodeJpegPlanes(i420ToJfifPlanes(scene.frameAt(0)));
 */
export function i420ToJfifPlanes(frame: I420Frame): JfifPlanes {
  return {
    width: frame.width,
    height: frame.height,
    y: frame.y,
    cb: frame.u,
    cr: frame.v,
    limitedRange: true,
  };
}

/**
 * The JFIF planes of RGBA pixels (alpha ignored): BT.601 full-range luma per pixel, chroma from
 * the mean colour of each 2x2 block.
 * @throws RangeError when `rgba` does not hold `width * height * 4` bytes
 */
export function rgbaToJfifPlanes(rgba: Uint8Array, width: number, height: number): JfifPlanes {
  if (rgba.length !== width * height * 4)
    throw new RangeError(
      `expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`,
    );
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  const y = new Uint8Array(width * height);
  const cb = new Uint8Array(chromaWidth * chromaHeight);
  const cr = new Uint8Array(chromaWidth * chromaHeight);
  for (let p = 0, i = 0; i < width * height; i++, p += 4) {
    const r = rgba[p] as number;
    const g = rgba[p + 1] as number;
    const b = rgba[p + 2] as number;
    y[i] = (19595 * r + 38470 * g + 7471 * b + 32768) >> 16;
  }
  for (let cy = 0; cy < chromaHeight; cy++) {
    for (let cx = 0; cx < chromaWidth; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < 2; dy++) {
        const row = 2 * cy + dy;
        if (row >= height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const col = 2 * cx + dx;
          if (col >= width) continue;
          const p = (row * width + col) * 4;
          r += rgba[p] as number;
          g += rgba[p + 1] as number;
          b += rgba[p + 2] as number;
          n++;
        }
      }
      const at = cy * chromaWidth + cx;
      cb[at] = clamp255(Math.round((-11059 * r - 21709 * g + 32768 * b) / (65536 * n) + 128));
      cr[at] = clamp255(Math.round((32768 * r - 27439 * g - 5329 * b) / (65536 * n) + 128));
    }
  }
  return { width, height, y, cb, cr };
}
