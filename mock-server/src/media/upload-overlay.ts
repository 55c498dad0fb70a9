/**
 * Uploaded inputs still encoded, as a render receives them: {@link resolveUploadOverlays} decodes
 * them inside the render (on a render worker in Node, so decoding never holds the event loop).
 * @module
 */

import { decodeImage } from './image/decode-image.js';
import { readImageInfo } from './image/image-info.js';
import type { CropFractions } from './image/scale-and-crop.js';
import { readMp4Info } from './mp4-info.js';
import type { SceneOverlay } from './scene-overlay.js';

/** An uploaded image or video to show from `fromFrame` on, as its file's bytes. */
export interface UploadSceneOverlay {
  /** Discriminant. */
  readonly kind: 'upload';
  /** First frame that shows it (0-based). */
  readonly fromFrame: number;
  /** An image (decoded and drawn) or a video (a panel with its name, size and duration). */
  readonly media: 'image' | 'video';
  /** The file's bytes. */
  readonly bytes: Uint8Array;
  /** The file name shown on its panel (default `upload`). */
  readonly fileName?: string;
  /** Part of the image to show (default: all of it). */
  readonly crop?: CropFractions;
}

/** What a render job may show: a ready overlay, or an upload it decodes first. */
export type MediaOverlay = SceneOverlay | UploadSceneOverlay;

/** A panel for an upload the emulator shows by name only. */
function panelFor(upload: UploadSceneOverlay): SceneOverlay {
  const name = upload.fileName ?? 'upload';
  const { fromFrame, bytes } = upload;
  if (upload.media === 'video') {
    const info = readMp4Info(bytes);
    const size = info?.width && info.height ? `${info.width}x${info.height}` : 'unknown size';
    const duration = info === undefined ? '?' : info.durationSeconds.toFixed(2);
    return { kind: 'panel', fromFrame, lines: ['INPUT VIDEO', name, `${size} ${duration} S`] };
  }
  const info = readImageInfo(bytes);
  const size = info === undefined ? 'unknown size' : `${info.width}x${info.height}`;
  return { kind: 'panel', fromFrame, lines: ['INPUT IMAGE', name, size] };
}

/**
 * The scene overlays of `overlays`: each upload image decoded (`decodeImage`: JPEG, PNG, WebP
 * lossy or lossless) and shown cropped from its frame; each upload video, whose H.264 is not
 * decoded, as a panel with its file name, size and duration from its MP4 header; an image the
 * decoders refuse (corrupt, GIF) as a panel too. Ready overlays pass through, in order.
 * @example
 * const overlays = await resolveUploadOverlays([{ kind: 'upload', fromFrame: 0, media: 'image', bytes: png }]);
 */
export async function resolveUploadOverlays(overlays: readonly MediaOverlay[]): Promise<SceneOverlay[]> {
  return Promise.all(
    overlays.map(async (overlay): Promise<SceneOverlay> => {
      if (overlay.kind !== 'upload') return overlay;
      if (overlay.media !== 'image') return panelFor(overlay);
      try {
        const image = await decodeImage(overlay.bytes);
        return {
          kind: 'image',
          fromFrame: overlay.fromFrame,
          image,
          ...(overlay.crop === undefined ? {} : { crop: overlay.crop }),
        };
      } catch {
        return panelFor(overlay);
      }
    }),
  );
}
