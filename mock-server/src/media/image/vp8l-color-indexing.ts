import { subtractPixels } from './vp8l-predictor.js';

/** Largest palette the VP8L colour-indexing transform can hold. */
export const VP8L_MAX_PALETTE = 256;

/** An image coded through the VP8L colour-indexing transform: palette plus packed indices. */
export interface Vp8lIndexedImage {
  /** Distinct ARGB colours in ascending order (1..256 entries). */
  readonly palette: Uint32Array;
  /** log2 of the pixels packed into one coded pixel: 3 (<= 2 colours), 2 (<= 4), 1 (<= 16), else 0. */
  readonly widthBits: number;
  /** Width of the packed image: `ceil(width / (1 << widthBits))`. */
  readonly packedWidth: number;
  /** Packed pixels: the indices in the green channel, alpha 255, red and blue 0. */
  readonly packed: Uint32Array;
}

/** The VP8L pixel-bundling width for a palette size (how many indices share a coded pixel). */
export function paletteWidthBits(size: number): number {
  return size <= 2 ? 3 : size <= 4 ? 2 : size <= 16 ? 1 : 0;
}

/**
 * Indexes an image through the VP8L colour-indexing transform when it has at most 256 colours
 * (else `undefined`, as soon as a 257th appears): the palette in ascending order, and the indices
 * bundled 2, 4 or 8 to a coded pixel when the palette is small. One pass over the pixels; a run of
 * one colour costs a compare per pixel.
 */
export function indexColours(argb: Uint32Array, width: number, height: number): Vp8lIndexedImage | undefined {
  const firstSeen = new Map<number, number>();
  const found: number[] = [];
  const indices = new Uint8Array(argb.length);
  let last = -1;
  let lastIndex = 0;
  for (let i = 0; i < argb.length; i++) {
    const pixel = argb[i]!;
    if (pixel !== last) {
      last = pixel;
      const known = firstSeen.get(pixel);
      if (known === undefined) {
        if (found.length === VP8L_MAX_PALETTE) return undefined;
        lastIndex = found.length;
        firstSeen.set(pixel, lastIndex);
        found.push(pixel);
      } else lastIndex = known;
    }
    indices[i] = lastIndex;
  }
  // Ascending order: deterministic, and neighbouring entries make small deltas in the coded palette.
  const palette = Uint32Array.from(found).sort();
  const remap = new Uint8Array(found.length);
  palette.forEach((colour, sorted) => {
    remap[firstSeen.get(colour)!] = sorted;
  });

  const widthBits = paletteWidthBits(palette.length);
  const bitsPerIndex = 8 >> widthBits;
  const perPixelMask = (1 << widthBits) - 1;
  const packedWidth = (width + perPixelMask) >> widthBits;
  const packed = new Uint32Array(packedWidth * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const packedRow = y * packedWidth;
    for (let x = 0; x < width; x++) {
      packed[packedRow + (x >> widthBits)]! |=
        remap[indices[row + x]!]! << ((x & perPixelMask) * bitsPerIndex);
    }
  }
  for (let i = 0; i < packed.length; i++) packed[i] = (0xff000000 | (packed[i]! << 8)) >>> 0;
  return { palette, widthBits, packedWidth, packed };
}

/** The palette as VP8L codes it: each entry minus the previous one, per channel, modulo 256. */
export function deltaCodedPalette(palette: Uint32Array): Uint32Array {
  const coded = palette.slice();
  for (let i = palette.length - 1; i > 0; i--) coded[i] = subtractPixels(palette[i]!, palette[i - 1]!);
  return coded;
}
