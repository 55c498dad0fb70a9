import { i420ToJfifPlanes } from './image/jfif-planes.js';
import { DEFAULT_JPEG_QUALITY, encodeJpegPlanes } from './image/jpeg-encoder.js';
import { encodeWebpI420 } from './image/webp-encoder.js';
import { createScene, type SceneOptions } from './scene.js';

/** Image format of a thumbnail: WebP (Sora 2, `image/webp`) or JPEG (Sora 1, `image/jpg`). */
export type ThumbnailFormat = 'webp' | 'jpeg';

/** Options of {@link renderThumbnail}: the video's scene plus the output format. */
export type RenderThumbnailOptions = SceneOptions & {
  /** Output format; default `'webp'` (lossless VP8L). JPEG uses quality 85. */
  format?: ThumbnailFormat;
};

/**
 * Renders the thumbnail of a video: its first frame at full size, as lossless WebP (default) or
 * JPEG. Deterministic: the same options give the same bytes.
 *
 * @throws MediaOptionsError for invalid scene options
 * @example
 * const webp = await renderThumbnail({ width: 1280, height: 720, seconds: 4, seed: 'video_1', caption: 'a red balloon' });
 */
export async function renderThumbnail(options: RenderThumbnailOptions): Promise<Uint8Array> {
  const frame = createScene(options).frameAt(0);
  if (options.format === 'jpeg') return encodeJpegPlanes(i420ToJfifPlanes(frame), DEFAULT_JPEG_QUALITY);
  return encodeWebpI420(frame);
}
