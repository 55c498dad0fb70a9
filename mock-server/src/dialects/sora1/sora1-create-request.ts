/**
 * A parsed Sora 1 create request (JSON or multipart) and the limit checks that apply to it.
 * @module
 */
import type { Sora1InpaintItem } from '@sora-kit/core/wire';
import type { Mp4Info } from '../../media/index.js';
import {
  isSora1Resolution,
  maxSora1Variants,
  SORA1_MAX_IMAGES,
  SORA1_MAX_INPUT_VIDEO_SECONDS,
  SORA1_MAX_VIDEOS,
  SORA1_RESOLUTIONS,
  SORA1_SECONDS_RANGE,
} from './sora1-limits.js';
import { badRequest } from './sora1-request-error.js';

/** Frames per second of Sora 1 outputs (for `frame_index`). */
export const SORA1_FPS = 30;

/** One uploaded input, matched to its inpaint item. */
export interface Sora1InputItem {
  /** The inpaint item as received. */
  readonly item: Sora1InpaintItem;
  /** The file part's bytes. */
  readonly bytes: Uint8Array;
  /** Sniffed image type, or `video/mp4` for a video. */
  readonly mediaType: string;
  /** For a video: what its MP4 header says. */
  readonly video?: Mp4Info;
}

/** A create request after parsing, integers as numbers and defaults applied. */
export interface Sora1CreateRequest {
  /** The prompt. */
  readonly prompt: string;
  /** Deployment name. */
  readonly model: string;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `n_seconds` (default 5). */
  readonly seconds: number;
  /** `n_variants` (default 1). */
  readonly variants: number;
  /** Uploaded inputs, in `inpaint_items` order (empty for a JSON body). */
  readonly inputs: readonly Sora1InputItem[];
}

/**
 * Enforces the Sora 1 limits (contracts 2.5, rulings 4 and 5) on a parsed request.
 * @throws Sora1RequestError (400) naming the field
 */
export function checkSora1Limits(request: Sora1CreateRequest): void {
  const { width, height, seconds, variants } = request;
  if (!isSora1Resolution(width, height)) {
    const widthKnown = SORA1_RESOLUTIONS.some((size) => size.startsWith(`${width}x`));
    throw badRequest(
      widthKnown ? 'height' : 'width',
      `Invalid resolution ${width}x${height}: width x height must be one of ${SORA1_RESOLUTIONS.join(', ')}.`,
    );
  }
  if (seconds < SORA1_SECONDS_RANGE.min || seconds > SORA1_SECONDS_RANGE.max) {
    throw badRequest(
      'n_seconds',
      `Invalid n_seconds ${seconds}: must be between ${SORA1_SECONDS_RANGE.min} and ${SORA1_SECONDS_RANGE.max}.`,
    );
  }
  const maxVariants = maxSora1Variants(width, height);
  if (variants < 1 || variants > maxVariants) {
    throw badRequest(
      'n_variants',
      `Invalid n_variants ${variants}: ${width}x${height} allows 1 to ${maxVariants} variant${maxVariants === 1 ? '' : 's'}.`,
    );
  }
  const images = request.inputs.filter((input) => input.item.type === 'image').length;
  const videos = request.inputs.length - images;
  if (images > 0 && videos > 0)
    throw badRequest('inpaint_items', 'Images and videos cannot be combined: use up to 2 images or 1 video.');
  if (images > SORA1_MAX_IMAGES)
    throw badRequest(
      'inpaint_items',
      `At most ${SORA1_MAX_IMAGES} images can be used as input, got ${images}.`,
    );
  if (videos > SORA1_MAX_VIDEOS)
    throw badRequest(
      'inpaint_items',
      `At most ${SORA1_MAX_VIDEOS} video can be used as input, got ${videos}.`,
    );
  const frames = seconds * SORA1_FPS;
  request.inputs.forEach(({ item, video }, index) => {
    if (item.frame_index >= frames) {
      throw badRequest(
        'inpaint_items',
        `inpaint_items[${index}].frame_index ${item.frame_index} is past the last frame (${frames - 1}) of a ${seconds} s video.`,
      );
    }
    if (video !== undefined && video.durationSeconds > SORA1_MAX_INPUT_VIDEO_SECONDS) {
      throw badRequest(
        'files',
        `Input video '${item.file_name}' lasts ${video.durationSeconds.toFixed(3)} s; at most ${SORA1_MAX_INPUT_VIDEO_SECONDS} s is allowed.`,
      );
    }
  });
}
