import { i420ToRgba } from '../color.js';
import type { I420Frame } from '../scene.js';
import { findBackwardReferences } from './vp8l-backward-references.js';
import { Vp8lBitWriter } from './vp8l-bit-writer.js';
import {
  deltaCodedPalette,
  indexColours,
  indexI420Colours,
  type Vp8lIndexedImage,
} from './vp8l-color-indexing.js';
import { writeEntropyCodedImage } from './vp8l-entropy-image.js';
import { applyPredictorTransform } from './vp8l-predictor.js';

const MAX_DIMENSION = 16384;
const PREDICTOR_SIZE_BITS = 4;
const TRANSFORM_PREDICTOR = 0;
const TRANSFORM_SUBTRACT_GREEN = 2;
const TRANSFORM_COLOR_INDEXING = 3;

/**
 * Encodes RGBA pixels as a lossless WebP (RIFF/WEBP/VP8L) file. An image of at most 256 colours
 * (every flat-colour scene) is coded through the colour-indexing transform alone: palette indices,
 * bundled 2, 4 or 8 to a pixel when the palette is small, with no predictor search. Other images
 * use the subtract-green and predictor transforms. Both then use greedy LZ77 backward references
 * and length-limited canonical prefix codes built from the real symbol frequencies.
 * Deterministic: same pixels, same bytes.
 *
 * @param rgba `width * height * 4` bytes, row-major, R G B A
 * @throws RangeError when the dimensions are outside 1..16384 or `rgba` has the wrong length
 * @example
 * const webp = encodeWebp(new Uint8Array(4 * 2 * 2).fill(255), 2, 2);
 */
export function encodeWebp(rgba: Uint8Array, width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`WebP dimensions must be positive integers, got ${width}x${height}`);
  }
  if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw new RangeError(`WebP dimensions are limited to ${MAX_DIMENSION}, got ${width}x${height}`);
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(
      `expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${rgba.length}`,
    );
  }

  const pixelCount = width * height;
  const indexed = indexColours(rgba, width, height);
  if (indexed !== undefined) return encodeIndexed(indexed, width, height);

  const argb = new Uint32Array(pixelCount);
  let hasAlpha = false;
  for (let i = 0, p = 0; i < pixelCount; i++, p += 4) {
    const a = rgba[p + 3]!;
    if (a !== 255) hasAlpha = true;
    argb[i] = ((a << 24) | (rgba[p]! << 16) | (rgba[p + 1]! << 8) | rgba[p + 2]!) >>> 0;
  }
  const writer = startBitstream(width, height, hasAlpha, pixelCount + 1024);

  // subtract-green: red and blue become differences to green
  for (let i = 0; i < pixelCount; i++) {
    const pixel = argb[i]!;
    const g = (pixel >>> 8) & 0xff;
    argb[i] = ((pixel & 0xff00ff00) | ((((pixel >>> 16) - g) & 0xff) << 16) | ((pixel - g) & 0xff)) >>> 0;
  }
  writer.writeBits(1, 1);
  writer.writeBits(TRANSFORM_SUBTRACT_GREEN, 2);

  const predicted = applyPredictorTransform(argb, width, height, PREDICTOR_SIZE_BITS);
  writer.writeBits(1, 1);
  writer.writeBits(TRANSFORM_PREDICTOR, 2);
  writer.writeBits(PREDICTOR_SIZE_BITS - 2, 3);
  writeEntropyCodedImage(writer, findBackwardReferences(predicted.modes, predicted.modesWidth), false);
  writer.writeBits(0, 1); // no more transforms

  writeEntropyCodedImage(writer, findBackwardReferences(predicted.residuals, width), true);
  return wrapInRiff(writer.finish());
}

/** Few colours: palette indices need no prediction, and runs of one colour become copies. */
function encodeIndexed(indexed: Vp8lIndexedImage, width: number, height: number): Uint8Array {
  const { palette } = indexed;
  const writer = startBitstream(width, height, indexed.hasAlpha, 1 << 16);
  writer.writeBits(1, 1);
  writer.writeBits(TRANSFORM_COLOR_INDEXING, 2);
  writer.writeBits(palette.length - 1, 8);
  const coded = deltaCodedPalette(palette);
  writeEntropyCodedImage(writer, findBackwardReferences(coded, coded.length), false);
  writer.writeBits(0, 1); // no more transforms
  writeEntropyCodedImage(writer, findBackwardReferences(indexed.packed, indexed.packedWidth), true);
  return wrapInRiff(writer.finish());
}

/**
 * Encodes a limited-range I420 frame as the lossless WebP that {@link encodeWebp} gives for
 * `i420ToRgba(frame)`, byte for byte, without building the RGBA image when the frame has at most
 * 256 colours (every scene frame without an uploaded image in it).
 * @example
 * const webp = encodeWebpI420(createScene(options).frameAt(0));
 */
export function encodeWebpI420(frame: I420Frame): Uint8Array {
  const indexed = indexI420Colours(frame);
  if (indexed === undefined) return encodeWebp(i420ToRgba(frame), frame.width, frame.height);
  if (frame.width > MAX_DIMENSION || frame.height > MAX_DIMENSION)
    throw new RangeError(
      `WebP dimensions are limited to ${MAX_DIMENSION}, got ${frame.width}x${frame.height}`,
    );
  return encodeIndexed(indexed, frame.width, frame.height);
}

/** A bit writer holding the VP8L header: signature, size, alpha hint, version 0. */
function startBitstream(width: number, height: number, hasAlpha: boolean, capacity: number): Vp8lBitWriter {
  const writer = new Vp8lBitWriter(capacity);
  writer.writeBits(0x2f, 8);
  writer.writeBits(width - 1, 14);
  writer.writeBits(height - 1, 14);
  writer.writeBits(hasAlpha ? 1 : 0, 1);
  writer.writeBits(0, 3);
  return writer;
}

function wrapInRiff(vp8l: Uint8Array): Uint8Array {
  const padded = vp8l.length + (vp8l.length & 1);
  const file = new Uint8Array(20 + padded);
  const view = new DataView(file.buffer);
  file.set([0x52, 0x49, 0x46, 0x46], 0); // RIFF
  view.setUint32(4, 12 + padded, true);
  file.set([0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c], 8); // WEBPVP8L
  view.setUint32(16, vp8l.length, true);
  file.set(vp8l, 20);
  return file;
}
