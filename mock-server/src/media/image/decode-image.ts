import { ImageDecodeError } from './image-decode-error.js';
import { decodeJpeg } from './jpeg.js';
import { decodePng } from './png.js';
import type { RgbaImage } from './rgba-image.js';
import { sniffImageType } from './sniff.js';
import { decodeWebp } from './webp.js';

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /** Refuse images with more pixels than this (default 40 million). */
  maxPixels?: number;
}

/**
 * Decodes an uploaded image to RGBA, choosing the decoder from the magic bytes: JPEG baseline
 * and progressive (jpeg-js), PNG of every colour type and depth (fast-png), WebP lossy, lossless
 * and with alpha (libwebp as WebAssembly, `@jsquash/webp`). GIF is `unsupported-format`.
 * Asynchronous because the WebP decoder is instantiated on first use.
 *
 * @throws ImageDecodeError (`unsupported-format`, `unsupported-feature`, `corrupt`, `too-large`);
 *   never any other error
 * @example
 * const { width, height, rgba } = await decodeImage(uploadBytes);
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): Promise<RgbaImage> {
  const type = sniffImageType(bytes);
  try {
    if (type === 'image/jpeg') return decodeJpeg(bytes, options);
    if (type === 'image/png') return decodePng(bytes, options);
    if (type === 'image/webp') return await decodeWebp(bytes, options);
  } catch (error) {
    if (error instanceof ImageDecodeError) throw error;
    throw new ImageDecodeError('corrupt', `${type}: ${(error as Error).message}`, { cause: error });
  }
  const what = type === undefined ? 'unrecognised bytes (not JPEG, PNG, WebP or GIF)' : `${type} decoding`;
  throw new ImageDecodeError(
    'unsupported-format',
    `cannot decode ${what}; supported: image/jpeg, image/png, image/webp`,
  );
}
