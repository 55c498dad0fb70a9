import type { I420Frame } from './scene.js';

/** Options of {@link rgbaToI420}. */
export interface RgbaToI420Options {
  /** Colour that translucent pixels are composited over, as [r, g, b]; default black. */
  background?: readonly [number, number, number];
}

function clamp255(value: number): number {
  return Math.max(0, Math.min(value, 255));
}

/**
 * One limited-range BT.601 (Y, U, V) as the opaque colour {@link i420ToRgba} gives it, packed as
 * 0xRRGGBB. Integer arithmetic, bit-exact on every platform.
 * @example
 * yuvToRgb(235, 128, 128); // 0xffffff
 */
export function yuvToRgb(y: number, u: number, v: number): number {
  const c = 298 * (y - 16) + 128;
  const d = u - 128;
  const e = v - 128;
  const r = clamp255((c + 409 * e) >> 8);
  const g = clamp255((c - 100 * d - 208 * e) >> 8);
  const b = clamp255((c + 516 * d) >> 8);
  return (r << 16) | (g << 8) | b;
}

/**
 * Converts planar YUV 4:2:0 (BT.601, limited range 16..235 / 16..240) to opaque RGBA. Chroma is
 * upsampled by repetition (each chroma sample covers its 2x2 luma block). Integer arithmetic,
 * so the result is bit-exact on every platform.
 *
 * @example
 * const rgba = i420ToRgba(createScene(options).frameAt(0)); // width * height * 4 bytes
 */
export function i420ToRgba(frame: I420Frame): Uint8Array {
  const { width, height, y: luma, u, v } = frame;
  const chromaWidth = Math.ceil(width / 2);
  const rgba = new Uint8Array(width * height * 4);
  // Scenes are flat colours: convert a (Y, U, V) once and repeat it along the run.
  let lastKey = -1;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let row = 0; row < height; row++) {
    const chromaRow = (row >> 1) * chromaWidth;
    for (let col = 0; col < width; col++) {
      const chroma = chromaRow + (col >> 1);
      const key = (luma[row * width + col]! << 16) | (u[chroma]! << 8) | v[chroma]!;
      if (key !== lastKey) {
        lastKey = key;
        const rgb = yuvToRgb(key >>> 16, (key >>> 8) & 0xff, key & 0xff);
        r = rgb >>> 16;
        g = (rgb >>> 8) & 0xff;
        b = rgb & 0xff;
      }
      const out = (row * width + col) * 4;
      rgba[out] = r;
      rgba[out + 1] = g;
      rgba[out + 2] = b;
      rgba[out + 3] = 255;
    }
  }
  return rgba;
}

/**
 * Converts RGBA to planar YUV 4:2:0 (BT.601, limited range), the inverse of {@link i420ToRgba}:
 * used to draw uploaded images into video frames. Translucent pixels are first composited over
 * `background`; each chroma sample is the average of its (up to) 2x2 block.
 *
 * @throws RangeError when `rgba` does not hold `width * height * 4` bytes
 * @example
 * const frame = rgbaToI420(image.rgba, image.width, image.height);
 */
export function rgbaToI420(
  rgba: Uint8Array,
  width: number,
  height: number,
  options: RgbaToI420Options = {},
): I420Frame {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`size must be positive integers, got ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(
      `expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`,
    );
  }
  const [backR, backG, backB] = options.background ?? [0, 0, 0];
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  const y = new Uint8Array(width * height);
  const u = new Uint8Array(chromaWidth * chromaHeight);
  const v = new Uint8Array(chromaWidth * chromaHeight);
  const sumR = new Uint32Array(chromaWidth * chromaHeight);
  const sumG = new Uint32Array(chromaWidth * chromaHeight);
  const sumB = new Uint32Array(chromaWidth * chromaHeight);
  const count = new Uint8Array(chromaWidth * chromaHeight);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const p = (row * width + col) * 4;
      const alpha = rgba[p + 3]!;
      const over = (c: number, back: number): number =>
        alpha === 255 ? c : Math.round((c * alpha + back * (255 - alpha)) / 255);
      const r = over(rgba[p]!, backR);
      const g = over(rgba[p + 1]!, backG);
      const b = over(rgba[p + 2]!, backB);
      y[row * width + col] = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
      const c = (row >> 1) * chromaWidth + (col >> 1);
      sumR[c]! += r;
      sumG[c]! += g;
      sumB[c]! += b;
      count[c]!++;
    }
  }
  for (let c = 0; c < count.length; c++) {
    const n = count[c]!;
    const r = sumR[c]! / n;
    const g = sumG[c]! / n;
    const b = sumB[c]! / n;
    u[c] = clamp255(Math.round((-38 * r - 74 * g + 112 * b) / 256) + 128);
    v[c] = clamp255(Math.round((112 * r - 94 * g - 18 * b) / 256) + 128);
  }
  return { width, height, y, u, v };
}
