import { yuvToRgb } from '../color.js';
import type { I420Frame } from '../scene.js';
import { subtractPixels } from './vp8l-predictor.js';

/** Largest palette the VP8L colour-indexing transform can hold. */
export const VP8L_MAX_PALETTE = 256;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** An image coded through the VP8L colour-indexing transform: palette plus packed indices. */
export interface Vp8lIndexedImage {
  /** Distinct ARGB colours in the order they first appear (1..256 entries). */
  readonly palette: Uint32Array;
  /** Whether any colour has an alpha below 255. */
  readonly hasAlpha: boolean;
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

/** Colours in order of first appearance, at most {@link VP8L_MAX_PALETTE}. */
interface GrowingPalette {
  /** The colours so far. */
  readonly colours: number[];
  /** The index of `colour`, added if new; undefined when a new colour would not fit. */
  indexOf(colour: number): number | undefined;
}

function growingPalette(): GrowingPalette {
  const colours: number[] = [];
  const indexes = new Map<number, number>();
  return {
    colours,
    indexOf(colour) {
      const known = indexes.get(colour);
      if (known !== undefined) return known;
      if (colours.length === VP8L_MAX_PALETTE) return undefined;
      indexes.set(colour, colours.length);
      colours.push(colour);
      return colours.length - 1;
    },
  };
}

/** An RGBA pixel read as one platform-endian 32-bit word, as ARGB. */
function wordToArgb(word: number): number {
  return LITTLE_ENDIAN
    ? ((word & 0xff00ff00) | ((word & 0xff) << 16) | ((word >>> 16) & 0xff)) >>> 0
    : ((word >>> 8) | (word << 24)) >>> 0;
}

/**
 * Indexes RGBA pixels through the VP8L colour-indexing transform when they hold at most 256
 * colours (else `undefined`, as soon as a 257th appears). The palette is in order of first
 * appearance; indices are bundled 2, 4 or 8 to a coded pixel when the palette is small. One pass
 * that reads each pixel as a 32-bit word: a run of one colour costs a compare per pixel.
 */
export function indexColours(rgba: Uint8Array, width: number, height: number): Vp8lIndexedImage | undefined {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const palette = growingPalette();
  // Bundling depends on the final palette size: index every pixel first (8 bits each), then
  // bundle when the palette turns out to have at most 16 colours.
  const indices = new Uint8Array(width * height);
  let last = -1;
  let lastIndex = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word !== last) {
      last = word;
      const index = palette.indexOf(word);
      if (index === undefined) return undefined;
      lastIndex = index;
    }
    indices[i] = lastIndex;
  }
  return packIndices(Uint32Array.from(palette.colours, wordToArgb), indices, width, height);
}

/**
 * The colour-indexed image of a limited-range I420 frame, the same as {@link indexColours} of
 * `i420ToRgba(frame)` (same palette order, same indices) without building the RGBA image: a row
 * whose luma and chroma repeat the row above copies its indices, and each run of one (Y, U, V)
 * costs a compare per pixel. `undefined` when the frame has more than 256 colours.
 * @example
 * const indexed = indexI420Colours(createScene(options).frameAt(0));
 */
export function indexI420Colours(frame: I420Frame): Vp8lIndexedImage | undefined {
  const { width, height, y: luma, u, v } = frame;
  const chromaWidth = Math.ceil(width / 2);
  const byYuv = new Map<number, number>();
  // Two (Y, U, V) can give one RGB after clamping: the palette holds colours, not keys.
  const palette = growingPalette();
  const indices = new Uint8Array(width * height);
  let lastKey = -1;
  let lastIndex = 0;
  const [lumaRows, uRows, vRows] = [luma, u, v].map(comparable) as [
    ComparablePlane,
    ComparablePlane,
    ComparablePlane,
  ];
  for (let row = 0; row < height; row++) {
    const start = row * width;
    const chromaRow = (row >> 1) * chromaWidth;
    if (row > 0 && sameRow(lumaRows, start - width, start, width)) {
      const previousChroma = ((row - 1) >> 1) * chromaWidth;
      if (
        previousChroma === chromaRow ||
        (sameRow(uRows, previousChroma, chromaRow, chromaWidth) &&
          sameRow(vRows, previousChroma, chromaRow, chromaWidth))
      ) {
        indices.copyWithin(start, start - width, start);
        continue;
      }
    }
    for (let col = 0; col < width; col++) {
      const chroma = chromaRow + (col >> 1);
      const key = (luma[start + col]! << 16) | (u[chroma]! << 8) | v[chroma]!;
      if (key !== lastKey) {
        lastKey = key;
        const known = byYuv.get(key);
        if (known !== undefined) lastIndex = known;
        else {
          const index = palette.indexOf(
            (0xff000000 | yuvToRgb(key >>> 16, (key >>> 8) & 0xff, key & 0xff)) >>> 0,
          );
          if (index === undefined) return undefined;
          byYuv.set(key, index);
          lastIndex = index;
        }
      }
      indices[start + col] = lastIndex;
    }
  }
  return packIndices(Uint32Array.from(palette.colours), indices, width, height);
}

/** A byte plane with a 32-bit view of it (when its start is word-aligned) for row compares. */
interface ComparablePlane {
  readonly bytes: Uint8Array;
  readonly words: Uint32Array | null;
}

function comparable(bytes: Uint8Array): ComparablePlane {
  const words =
    bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : null;
  return { bytes, words };
}

/** Whether `length` bytes at `a` and at `b` are equal: four at a time when both are word-aligned. */
function sameRow(plane: ComparablePlane, a: number, b: number, length: number): boolean {
  const { bytes, words } = plane;
  let i = 0;
  if (words !== null && a % 4 === 0 && b % 4 === 0) {
    const wa = a >> 2;
    const wb = b >> 2;
    const count = length >> 2;
    for (let k = 0; k < count; k++) if (words[wa + k] !== words[wb + k]) return false;
    i = count << 2;
  }
  for (; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

/** Bundles 8-bit palette indices into VP8L's packed pixels for the palette's size. */
function packIndices(
  palette: Uint32Array,
  indices: Uint8Array,
  width: number,
  height: number,
): Vp8lIndexedImage {
  const hasAlpha = palette.some((argb) => argb >>> 24 !== 0xff);
  const widthBits = paletteWidthBits(palette.length);
  const bitsPerIndex = 8 >> widthBits;
  const perPixelMask = (1 << widthBits) - 1;
  const packedWidth = (width + perPixelMask) >> widthBits;
  const packed = new Uint32Array(packedWidth * height);
  if (widthBits === 0) {
    for (let i = 0; i < packed.length; i++) packed[i] = (0xff000000 | (indices[i]! << 8)) >>> 0;
  } else {
    for (let y = 0; y < height; y++) {
      const row = y * width;
      const packedRow = y * packedWidth;
      for (let x = 0; x < width; x++) {
        packed[packedRow + (x >> widthBits)]! |= indices[row + x]! << (8 + (x & perPixelMask) * bitsPerIndex);
      }
    }
    for (let i = 0; i < packed.length; i++) packed[i] = (packed[i]! | 0xff000000) >>> 0;
  }
  return { palette, hasAlpha, widthBits, packedWidth, packed };
}

/** The palette as VP8L codes it: each entry minus the previous one, per channel, modulo 256. */
export function deltaCodedPalette(palette: Uint32Array): Uint32Array {
  const coded = palette.slice();
  for (let i = palette.length - 1; i > 0; i--) coded[i] = subtractPixels(palette[i]!, palette[i - 1]!);
  return coded;
}
