/**
 * One media output described as plain data (structured-cloneable, so it can cross to a render
 * worker) and the function that renders it. The render cache and the render pool's workers both
 * render through {@link renderMediaJob}, so in-thread and pooled outputs are the same bytes.
 * @module
 */

import { concatBytes } from './concat-bytes.js';
import { renderSpritesheet } from './render-spritesheet.js';
import { renderThumbnail } from './render-thumbnail.js';
import { renderVideoFragments } from './render-video.js';
import type { SceneSegment } from './scene-segment-canvas.js';
import { type MediaOverlay, resolveUploadOverlays } from './upload-overlay.js';

/** A render as plain data. */
export interface MediaRenderJob {
  /** `video` (MP4), `thumbnail` (first frame) or `spritesheet` (JPEG grid). */
  readonly variant: 'video' | 'thumbnail' | 'spritesheet';
  /** Thumbnail format (default `webp`). */
  readonly format?: 'webp' | 'jpeg';
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** Duration in seconds. */
  readonly seconds: number;
  /** Whether the MP4 has an audio track. */
  readonly audio?: boolean;
  /** Scene seed. */
  readonly seed: string;
  /** Caption drawn on the frames. */
  readonly caption: string;
  /** Second text line. */
  readonly label?: string;
  /** Inputs shown in the picture; uploads are decoded by the render (on the worker). */
  readonly overlays?: readonly MediaOverlay[];
  /** Later parts of a stitched video (Sora 2 extensions). */
  readonly segments?: readonly SceneSegment[];
}

/** What to render for `job` with its uploads decoded (a scene for the media renderers). */
async function sceneOf(job: MediaRenderJob) {
  return {
    width: job.width,
    height: job.height,
    seconds: job.seconds,
    seed: job.seed,
    caption: job.caption,
    ...(job.label === undefined ? {} : { label: job.label }),
    ...(job.overlays === undefined ? {} : { overlays: await resolveUploadOverlays(job.overlays) }),
    ...(job.segments === undefined ? {} : { segments: job.segments }),
  };
}

/**
 * Renders `job` as it is produced: a video is its fragmented MP4's init segment then one
 * fragment per second (each a new buffer, safe to transfer); a still is one buffer. The parts
 * concatenated are {@link renderMediaJob}'s bytes.
 * @throws MediaOptionsError for invalid options (on the first step)
 * @example
 * for await (const part of renderMediaJobParts(job)) response.write(part);
 */
export async function* renderMediaJobParts(job: MediaRenderJob): AsyncGenerator<Uint8Array> {
  const scene = await sceneOf(job);
  if (job.variant === 'video') yield* renderVideoFragments({ ...scene, audio: job.audio ?? false });
  else if (job.variant === 'thumbnail')
    yield await renderThumbnail({ ...scene, format: job.format ?? 'webp' });
  else yield await renderSpritesheet(scene);
}

/**
 * Renders `job`: MP4 (with silent AAC when `audio`), WebP/JPEG thumbnail, or JPEG spritesheet.
 * `onPart` sees each part as it is produced (see {@link renderMediaJobParts}).
 * @throws MediaOptionsError for invalid options
 * @example
 * const webp = await renderMediaJob({ variant: 'thumbnail', width: 1280, height: 720, seconds: 4, seed: 'video_1', caption: 'a red balloon' });
 */
export async function renderMediaJob(
  job: MediaRenderJob,
  onPart?: (part: Uint8Array) => void,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of renderMediaJobParts(job)) {
    parts.push(part);
    onPart?.(part);
  }
  return concatBytes(parts);
}
