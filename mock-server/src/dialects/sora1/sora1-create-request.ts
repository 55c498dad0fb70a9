/**
 * A parsed Sora 1 create request (JSON or multipart) and the limit checks that apply to it.
 * @module
 */
import type { Capabilities, SizeString } from '@sora-kit/core';
import type { Sora1InpaintItem } from '@sora-kit/core/wire';
import type { JobRecord } from '../../engine/index.js';
import type { Mp4Info } from '../../media/index.js';
import { badRequest } from './sora1-request-error.js';

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

/**
 * A create request after parsing, integers as numbers and defaults applied: the job fields the
 * engine stores (`n_seconds` default 5, `n_variants` default 1), and the uploads.
 */
export interface Sora1CreateRequest
  extends Pick<JobRecord, 'prompt' | 'model' | 'width' | 'height' | 'seconds' | 'variants'> {
  /** Uploaded inputs, in `inpaint_items` order (empty for a JSON body). */
  readonly inputs: readonly Sora1InputItem[];
}

function checkSeconds(seconds: number, allowed: Capabilities['seconds']): void {
  if (Array.isArray(allowed)) {
    if (!allowed.includes(seconds))
      throw badRequest('n_seconds', `Invalid n_seconds ${seconds}: must be one of ${allowed.join(', ')}.`);
    return;
  }
  const { min, max } = allowed as Exclude<Capabilities['seconds'], readonly number[]>;
  if (seconds < min || seconds > max)
    throw badRequest('n_seconds', `Invalid n_seconds ${seconds}: must be between ${min} and ${max}.`);
}

/**
 * Enforces the Sora 1 limits (contracts 2.5, rulings 4 and 5) on a parsed request, as
 * `@sora-kit/core`'s capability table (`azure-sora1`, with the emulator's overrides) states them.
 * @throws Sora1RequestError (400) naming the field
 */
export function checkSora1Limits(request: Sora1CreateRequest, capabilities: Capabilities): void {
  const { width, height, seconds, variants } = request;
  const { sizes, inputs: rules } = capabilities;
  const size = `${width}x${height}` as SizeString;
  if (!sizes.includes(size)) {
    const widthKnown = sizes.some((known) => known.startsWith(`${width}x`));
    throw badRequest(
      widthKnown ? 'height' : 'width',
      `Invalid resolution ${size}: width x height must be one of ${sizes.join(', ')}.`,
    );
  }
  checkSeconds(seconds, capabilities.seconds);
  const maxVariants = capabilities.variants.maxBySize[size] ?? capabilities.variants.max;
  if (variants < 1 || variants > maxVariants) {
    throw badRequest(
      'n_variants',
      `Invalid n_variants ${variants}: ${size} allows 1 to ${maxVariants} variant${maxVariants === 1 ? '' : 's'}.`,
    );
  }
  const images = request.inputs.filter((input) => input.item.type === 'image').length;
  const videos = request.inputs.length - images;
  if (images > 0 && videos > 0 && !rules.mixImagesAndVideos)
    throw badRequest(
      'inpaint_items',
      `Images and videos cannot be combined: use up to ${rules.maxImages} images or ${rules.maxVideos} video.`,
    );
  if (images > rules.maxImages)
    throw badRequest(
      'inpaint_items',
      `At most ${rules.maxImages} images can be used as input, got ${images}.`,
    );
  if (videos > rules.maxVideos)
    throw badRequest(
      'inpaint_items',
      `At most ${rules.maxVideos} video can be used as input, got ${videos}.`,
    );
  const frames = seconds * rules.framesPerSecond;
  const maxVideoSeconds = rules.videoMaxSeconds;
  request.inputs.forEach(({ item, video }, index) => {
    if (item.frame_index >= frames) {
      throw badRequest(
        'inpaint_items',
        `inpaint_items[${index}].frame_index ${item.frame_index} is past the last frame (${frames - 1}) of a ${seconds} s video.`,
      );
    }
    if (video !== undefined && maxVideoSeconds !== undefined && video.durationSeconds > maxVideoSeconds) {
      throw badRequest(
        'files',
        `Input video '${item.file_name}' lasts ${video.durationSeconds.toFixed(3)} s; at most ${maxVideoSeconds} s is allowed.`,
      );
    }
  });
}
