import { describe, expect, it } from 'vitest';
import type { RgbaImage } from './rgba-image.js';
import { scaleAndCrop } from './scale-and-crop.js';

/** Left half red, right half blue; top half opaque, bottom half alpha 128. */
function quadrants(width: number, height: number): RgbaImage {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rgba.set(x < width / 2 ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 4);
      rgba[(y * width + x) * 4 + 3] = y < height / 2 ? 255 : 128;
    }
  }
  return { width, height, rgba };
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const p = (y * image.width + x) * 4;
  return [...image.rgba.subarray(p, p + 4)];
}

describe('scaleAndCrop', () => {
  it('keeps the full image when the crop is the identity and the size unchanged', () => {
    const image = quadrants(8, 6);
    const out = scaleAndCrop(image, { left: 0, top: 0, right: 1, bottom: 1 }, 8, 6);
    expect(Buffer.compare(Buffer.from(out.rgba), Buffer.from(image.rgba))).toBe(0);
  });

  it('crops to the right half (blue only) and shrinks with a box filter', () => {
    const out = scaleAndCrop(quadrants(100, 60), { left: 0.5, top: 0, right: 1, bottom: 0.5 }, 10, 3);
    expect([out.width, out.height, out.rgba.length]).toEqual([10, 3, 120]);
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 10; x++) expect(pixel(out, x, y)).toEqual([0, 0, 255, 255]);
  });

  it('averages across the red/blue edge when shrinking the whole width to one pixel', () => {
    const out = scaleAndCrop(quadrants(100, 60), { left: 0, top: 0, right: 1, bottom: 0.5 }, 1, 1);
    const [r, g, b, a] = pixel(out, 0, 0);
    expect([Math.abs(r! - 127.5), g, Math.abs(b! - 127.5), a]).toEqual([0.5, 0, 0.5, 255]);
  });

  it('enlarges bilinearly without bleeding colour from transparent pixels', () => {
    const image: RgbaImage = { width: 2, height: 1, rgba: Uint8Array.of(0, 255, 0, 255, 255, 0, 0, 0) };
    const out = scaleAndCrop(image, { left: 0, top: 0, right: 1, bottom: 1 }, 8, 1);
    expect(pixel(out, 0, 0)).toEqual([0, 255, 0, 255]);
    // sample centre 0.625 between the two pixels: alpha 0.375 * 255, colour stays pure green
    expect(pixel(out, 4, 0)).toEqual([0, 255, 0, 96]);
    expect(pixel(out, 7, 0)[3]).toBe(0);
  });

  it('rejects inverted or out-of-range bounds and bad target sizes', () => {
    const image = quadrants(4, 4);
    expect(() => scaleAndCrop(image, { left: 0.6, top: 0, right: 0.4, bottom: 1 }, 2, 2)).toThrow(RangeError);
    expect(() => scaleAndCrop(image, { left: 0, top: -0.1, right: 1, bottom: 1 }, 2, 2)).toThrow(RangeError);
    expect(() => scaleAndCrop(image, { left: 0, top: 0, right: 1, bottom: Number.NaN }, 2, 2)).toThrow(
      RangeError,
    );
    expect(() => scaleAndCrop(image, { left: 0, top: 0, right: 1, bottom: 1 }, 0, 2)).toThrow(RangeError);
  });
});
