import type { Vp8lTokens } from './vp8l-backward-references.js';
import type { Vp8lBitWriter } from './vp8l-bit-writer.js';
import { buildPrefixCode, type Vp8lPrefixCode, writePrefixCode } from './vp8l-prefix-code.js';

const LENGTH_PREFIXES = 24;
const DISTANCE_PREFIXES = 40;

/** VP8L prefix coding of a value >= 1: prefix symbol, extra bit count and extra bits. */
function prefixOf(value: number): { prefix: number; extraBits: number; extra: number } {
  const d = value - 1;
  if (d < 4) return { prefix: d, extraBits: 0, extra: 0 };
  const highBit = 31 - Math.clz32(d);
  const prefix = 2 * highBit + ((d >>> (highBit - 1)) & 1);
  const extraBits = highBit - 1;
  return { prefix, extraBits, extra: d & ((1 << extraBits) - 1) };
}

/**
 * Writes an entropy-coded image (no colour cache, one prefix-code group): the main image when
 * `isMainImage` (which carries the meta-prefix bit), otherwise a transform sub-image.
 */
export function writeEntropyCodedImage(
  writer: Vp8lBitWriter,
  tokens: Vp8lTokens,
  isMainImage: boolean,
): void {
  const green = new Uint32Array(256 + LENGTH_PREFIXES);
  const red = new Uint32Array(256);
  const blue = new Uint32Array(256);
  const alpha = new Uint32Array(256);
  const distance = new Uint32Array(DISTANCE_PREFIXES);
  const { count, values, distanceCodes } = tokens;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const distanceCode = distanceCodes[i]!;
    if (distanceCode === 0) {
      green[(value >>> 8) & 0xff]!++;
      red[(value >>> 16) & 0xff]!++;
      blue[value & 0xff]!++;
      alpha[value >>> 24]!++;
    } else {
      green[256 + prefixOf(value).prefix]!++;
      distance[prefixOf(distanceCode).prefix]!++;
    }
  }
  const codes = [green, red, blue, alpha, distance].map(buildPrefixCode) as [
    Vp8lPrefixCode,
    Vp8lPrefixCode,
    Vp8lPrefixCode,
    Vp8lPrefixCode,
    Vp8lPrefixCode,
  ];

  writer.writeBits(0, 1); // no colour cache
  if (isMainImage) writer.writeBits(0, 1); // no meta prefix codes: one group for the whole image
  for (const code of codes) writePrefixCode(writer, code);

  const [greenCode, redCode, blueCode, alphaCode, distanceCode] = codes;
  const put = (code: Vp8lPrefixCode, symbol: number): void =>
    writer.writeBits(code.codes[symbol]!, code.lengths[symbol]!);
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const distanceValue = distanceCodes[i]!;
    if (distanceValue === 0) {
      put(greenCode, (value >>> 8) & 0xff);
      put(redCode, (value >>> 16) & 0xff);
      put(blueCode, value & 0xff);
      put(alphaCode, value >>> 24);
    } else {
      const length = prefixOf(value);
      put(greenCode, 256 + length.prefix);
      writer.writeBits(length.extra, length.extraBits);
      const dist = prefixOf(distanceValue);
      put(distanceCode, dist.prefix);
      writer.writeBits(dist.extra, dist.extraBits);
    }
  }
}
