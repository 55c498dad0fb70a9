import jpegJs from 'jpeg-js';
import { ImageDecodeError } from './image-decode-error.js';
import { rgbaToJfifPlanes } from './jfif-planes.js';
import { checkJpegSize, DEFAULT_JPEG_QUALITY, encodeJpegPlanes } from './jpeg-encoder.js';
import type { RgbaImage } from './rgba-image.js';

export { DEFAULT_JPEG_QUALITY } from './jpeg-encoder.js';

/** Options of {@link decodeJpeg}. */
export interface JpegDecodeOptions {
  /** Refuse images with more pixels than this (default 40 million). */
  maxPixels?: number;
}

/**
 * Encodes RGBA pixels as a baseline JPEG, 4:2:0 (alpha is dropped), with {@link encodeJpegPlanes}.
 * Deterministic: the same pixels and quality give the same bytes.
 *
 * @throws RangeError when the dimensions or the buffer length are wrong
 * @example
 * const jpeg = encodeJpeg(rgba, 1280, 720); // starts with FF D8
 */
export function encodeJpeg(
  rgba: Uint8Array,
  width: number,
  height: number,
  quality = DEFAULT_JPEG_QUALITY,
): Uint8Array {
  checkJpegSize(width, height);
  return encodeJpegPlanes(rgbaToJfifPlanes(rgba, width, height), quality);
}

/**
 * Decodes a JPEG (baseline or progressive, greyscale, YCbCr, CMYK) to RGBA with jpeg-js.
 *
 * @throws ImageDecodeError when the bytes are not a decodable JPEG or exceed the size limit
 */
export function decodeJpeg(bytes: Uint8Array, options: JpegDecodeOptions = {}): RgbaImage {
  const maxPixels = options.maxPixels ?? 40_000_000;
  try {
    const decoded = jpegJs.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxPixels / 1_000_000,
      maxMemoryUsageInMB: Math.ceil((maxPixels * 8) / 1_000_000) + 64,
    });
    return { width: decoded.width, height: decoded.height, rgba: decoded.data };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /maxResolutionInMP|maxMemoryUsageInMB/.test(message) ? 'too-large' : 'corrupt';
    throw new ImageDecodeError(code, `JPEG: ${message}`, { cause: error });
  }
}
