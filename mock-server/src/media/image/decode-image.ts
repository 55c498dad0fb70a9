import { ImageDecodeError } from './image-decode-error.js';
import { decodeJpeg } from './jpeg.js';
import { decodePng } from './png-decoder.js';
import type { RgbaImage } from './rgba-image.js';
import { sniffImageType } from './sniff.js';
import { decodeWebpLossless } from './webp-lossless-decoder.js';

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /** Refuse images with more pixels than this (default 40 million). */
  maxPixels?: number;
}

/**
 * Decodes an uploaded image to RGBA, choosing the decoder from the magic bytes: JPEG (jpeg-js), PNG
 * and lossless WebP (own decoders). Lossy WebP raises `unsupported-feature`; GIF `unsupported-format`.
 *
 * @throws ImageDecodeError (`unsupported-format`, `unsupported-feature`, `corrupt`, `too-large`);
 *   never any other error
 * @example
 * const { width, height, rgba } = decodeImage(uploadBytes);
 */
export function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): RgbaImage {
  const type = sniffImageType(bytes);
  try {
    if (type === 'image/jpeg') return decodeJpeg(bytes, options);
    if (type === 'image/png') return decodePng(bytes, options);
    if (type === 'image/webp') return decodeWebpLossless(bytes, options);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError('corrupt', `${type}: ${(error as Error).message}`, { cause: error });
  }
  const what = type === undefined ? 'unrecognised bytes (not JPEG, PNG, WebP or GIF)' : `${type} decoding`;
  throw new ImageDecodeError(
    'unsupported-format',
    `cannot decode ${what}; supported: image/jpeg, image/png, lossless image/webp`,
  );
}
