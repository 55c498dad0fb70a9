import { ImageDecodeError } from './image-decode-error.js';
import { type ImageInfo, readImageInfo } from './image-info.js';
import type { ImageMimeType } from './sniff.js';

const LABELS: Record<ImageMimeType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/**
 * The header of an image that is about to be decoded as `type`, checked before any pixel is:
 * `unsupported-format` when the bytes are not such an image (magic bytes, size header), and
 * `too-large` when it has more than `maxPixels` pixels (default 40 million).
 *
 * @throws ImageDecodeError
 * @example
 * const { width, height } = checkImageHeader(bytes, 'image/png', options.maxPixels);
 */
export function checkImageHeader(bytes: Uint8Array, type: ImageMimeType, maxPixels = 40_000_000): ImageInfo {
  const label = LABELS[type];
  const info = readImageInfo(bytes);
  if (info?.type !== type) {
    throw new ImageDecodeError(
      'unsupported-format',
      `${label}: not a ${label} file (magic bytes or size header)`,
    );
  }
  if (info.width * info.height > maxPixels) {
    throw new ImageDecodeError(
      'too-large',
      `${label}: ${info.width}x${info.height} exceeds the limit of ${maxPixels} pixels`,
    );
  }
  return info;
}
