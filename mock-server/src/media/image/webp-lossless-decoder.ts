import { ImageDecodeError } from './image-decode-error.js';
import type { RgbaImage } from './rgba-image.js';
import { Vp8lBitReader } from './vp8l-bit-reader.js';
import { CODE_TO_PLANE } from './vp8l-distance-codes.js';
import { Vp8lHuffmanDecoder } from './vp8l-huffman-decoder.js';
import { addPixels, applyInverseTransforms, type Vp8lTransform } from './vp8l-transforms.js';

/** Options of {@link decodeWebpLossless}. */
export interface WebpDecodeOptions {
  /** Refuse images with more pixels than this (default 40 million). */
  maxPixels?: number;
}

const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;

const corrupt = (message: string): ImageDecodeError => new ImageDecodeError('corrupt', `WebP: ${message}`);
const subsample = (size: number, bits: number): number => (size + (1 << bits) - 1) >> bits;

function readCodeLengths(reader: Vp8lBitReader, alphabetSize: number): Uint8Array {
  const lengths = new Uint8Array(alphabetSize);
  if (reader.readBits(1) === 1) {
    const symbolCount = reader.readBits(1) + 1;
    lengths[reader.readBits(reader.readBits(1) === 1 ? 8 : 1)] = 1;
    if (symbolCount === 2) lengths[reader.readBits(8)] = 1;
    return lengths;
  }
  const codeLengthLengths = new Uint8Array(19);
  const count = reader.readBits(4) + 4;
  for (let i = 0; i < count; i++) codeLengthLengths[CODE_LENGTH_ORDER[i]!] = reader.readBits(3);
  const lengthCode = new Vp8lHuffmanDecoder(codeLengthLengths);
  let maxSymbol = alphabetSize;
  if (reader.readBits(1) === 1) {
    maxSymbol = 2 + reader.readBits(2 + 2 * reader.readBits(3));
    if (maxSymbol > alphabetSize) throw corrupt('code length count exceeds the alphabet');
  }
  let previous = 8;
  for (let symbol = 0; symbol < alphabetSize && maxSymbol-- > 0; ) {
    const code = lengthCode.read(reader);
    if (code < 16) {
      lengths[symbol++] = code;
      if (code !== 0) previous = code;
      continue;
    }
    const repeat =
      code === 16 ? 3 + reader.readBits(2) : code === 17 ? 3 + reader.readBits(3) : 11 + reader.readBits(7);
    if (symbol + repeat > alphabetSize) throw corrupt('code length repeat runs past the alphabet');
    lengths.fill(code === 16 ? previous : 0, symbol, symbol + repeat);
    symbol += repeat;
  }
  return lengths;
}

function readPrefixValue(reader: Vp8lBitReader, symbol: number): number {
  if (symbol < 4) return symbol + 1;
  const extraBits = (symbol - 2) >> 1;
  return ((2 + (symbol & 1)) << extraBits) + reader.readBits(extraBits) + 1;
}

const ALPHABETS = [256 + 24, 256, 256, 256, 40] as const;

/** Decodes an entropy-coded image; only the main image may carry meta prefix codes. */
function decodeImageStream(
  reader: Vp8lBitReader,
  width: number,
  height: number,
  isMain: boolean,
): Uint32Array {
  const hasCache = reader.readBits(1) === 1;
  const cacheBits = hasCache ? reader.readBits(4) : 0;
  if (hasCache && (cacheBits < 1 || cacheBits > 11)) throw corrupt(`colour cache of ${cacheBits} bits`);
  const cacheSize = hasCache ? 1 << cacheBits : 0;

  let groupBits = 0;
  let groupsWide = 0;
  let groupImage: Uint32Array | undefined;
  let groupCount = 1;
  if (isMain && reader.readBits(1) === 1) {
    groupBits = reader.readBits(3) + 2;
    groupsWide = subsample(width, groupBits);
    groupImage = decodeImageStream(reader, groupsWide, subsample(height, groupBits), false);
    for (const value of groupImage) groupCount = Math.max(groupCount, ((value >>> 8) & 0xffff) + 1);
  }
  const referenced = new Set(groupImage === undefined ? [0] : [...groupImage].map((v) => (v >>> 8) & 0xffff));
  const groups = new Map<number, Vp8lHuffmanDecoder[]>();
  for (let group = 0; group < groupCount; group++) {
    const codes = ALPHABETS.map(
      (size, k) => new Vp8lHuffmanDecoder(readCodeLengths(reader, k === 0 ? size + cacheSize : size)),
    );
    if (referenced.has(group)) groups.set(group, codes);
  }

  const pixels = new Uint32Array(width * height);
  const cache = new Uint32Array(cacheSize);
  const cacheShift = 32 - cacheBits;
  const remember = (argb: number): void => {
    if (cacheSize > 0) cache[Math.imul(argb, 0x1e35a7bd) >>> cacheShift] = argb;
  };
  let codes = groups.get(0)!;
  for (let position = 0; position < pixels.length; ) {
    if (groupImage !== undefined) {
      const x = position % width;
      const y = (position - x) / width;
      codes = groups.get((groupImage[(y >> groupBits) * groupsWide + (x >> groupBits)]! >>> 8) & 0xffff)!;
    }
    const [green, red, blue, alpha, distance] = codes as [
      Vp8lHuffmanDecoder,
      Vp8lHuffmanDecoder,
      Vp8lHuffmanDecoder,
      Vp8lHuffmanDecoder,
      Vp8lHuffmanDecoder,
    ];
    const symbol = green.read(reader);
    if (symbol < 256) {
      const r = red.read(reader);
      const b = blue.read(reader);
      const a = alpha.read(reader);
      const argb = ((a << 24) | (r << 16) | (symbol << 8) | b) >>> 0;
      pixels[position++] = argb;
      remember(argb);
    } else if (symbol < 256 + 24) {
      const length = readPrefixValue(reader, symbol - 256);
      const code = readPrefixValue(reader, distance.read(reader));
      let offset = code - 120;
      if (code <= 120) {
        const plane = CODE_TO_PLANE[code - 1]!;
        offset = Math.max(1, (plane >> 4) * width + 8 - (plane & 0xf));
      }
      if (offset > position || position + length > pixels.length)
        throw corrupt('backward reference out of range');
      for (let k = 0; k < length; k++, position++) {
        const argb = pixels[position - offset]!;
        pixels[position] = argb;
        remember(argb);
      }
    } else {
      const index = symbol - 280;
      if (index >= cacheSize) throw corrupt('colour cache index out of range');
      pixels[position++] = cache[index]!;
    }
  }
  return pixels;
}

function findVp8lChunk(bytes: Uint8Array): Uint8Array {
  const text = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WEBP') {
    throw new ImageDecodeError('unsupported-format', 'WebP: missing RIFF/WEBP header');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const type = text(offset);
    const size = view.getUint32(offset + 4, true);
    const payload = bytes.subarray(offset + 8, offset + 8 + size);
    if (type === 'VP8L') return payload;
    if (type === 'VP8 ') {
      throw new ImageDecodeError(
        'unsupported-feature',
        'WebP: lossy (VP8) images are not supported, only lossless (VP8L)',
      );
    }
    if (type === 'ANIM' || type === 'ANMF')
      throw new ImageDecodeError('unsupported-feature', 'WebP: animated images are not supported');
    offset += 8 + size + (size & 1);
  }
  throw corrupt('no VP8L image chunk');
}

/**
 * Decodes a lossless WebP (a `VP8L` chunk, bare or inside `VP8X`) to RGBA: every transform
 * (predictor, cross-colour, subtract-green, colour indexing with pixel packing), colour cache and
 * meta prefix codes. Lossy (`VP8 `) and animated WebP raise `unsupported-feature`.
 *
 * @throws ImageDecodeError for anything it cannot decode
 * @example
 * const { width, height, rgba } = decodeWebpLossless(encodeWebp(pixels, 64, 64));
 */
export function decodeWebpLossless(bytes: Uint8Array, options: WebpDecodeOptions = {}): RgbaImage {
  const reader = new Vp8lBitReader(findVp8lChunk(bytes));
  if (reader.readBits(8) !== 0x2f) throw corrupt('bad VP8L signature');
  const width = reader.readBits(14) + 1;
  const height = reader.readBits(14) + 1;
  reader.readBits(1); // alpha hint
  if (reader.readBits(3) !== 0) throw corrupt('unknown VP8L version');
  const maxPixels = options.maxPixels ?? 40_000_000;
  if (width * height > maxPixels) {
    throw new ImageDecodeError(
      'too-large',
      `WebP: ${width}x${height} exceeds the limit of ${maxPixels} pixels`,
    );
  }

  const transforms: Vp8lTransform[] = [];
  const seen = new Set<number>();
  let currentWidth = width;
  while (reader.readBits(1) === 1) {
    const type = reader.readBits(2);
    if (seen.has(type)) throw corrupt(`transform ${type} used twice`);
    seen.add(type);
    if (type === 0 || type === 1) {
      const sizeBits = reader.readBits(3) + 2;
      const data = decodeImageStream(
        reader,
        subsample(currentWidth, sizeBits),
        subsample(height, sizeBits),
        false,
      );
      transforms.push({
        kind: type === 0 ? 'predictor' : 'cross-color',
        width: currentWidth,
        sizeBits,
        data,
      });
    } else if (type === 2) {
      transforms.push({ kind: 'subtract-green', width: currentWidth });
    } else {
      const size = reader.readBits(8) + 1;
      const palette = decodeImageStream(reader, size, 1, false);
      for (let i = 1; i < size; i++) palette[i] = addPixels(palette[i]!, palette[i - 1]!);
      const widthBits = size <= 2 ? 3 : size <= 4 ? 2 : size <= 16 ? 1 : 0;
      transforms.push({ kind: 'color-indexing', width: currentWidth, widthBits, palette });
      currentWidth = subsample(currentWidth, widthBits);
    }
  }
  const argb = applyInverseTransforms(
    transforms,
    decodeImageStream(reader, currentWidth, height, true),
    height,
  );
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < argb.length; i++) {
    const pixel = argb[i]!;
    rgba[i * 4] = (pixel >>> 16) & 0xff;
    rgba[i * 4 + 1] = (pixel >>> 8) & 0xff;
    rgba[i * 4 + 2] = pixel & 0xff;
    rgba[i * 4 + 3] = pixel >>> 24;
  }
  return { width, height, rgba };
}
