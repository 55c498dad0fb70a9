/**
 * The Sora 1 limits the dialect enforces before a job reaches the engine (contracts 2.5,
 * rulings 4 and 5). Each check names the offending wire field.
 * @module
 */

/** The nine resolutions Sora 1 accepts, as `WxH` (AZCON "Technical limitations"). */
export const SORA1_RESOLUTIONS = [
  '480x480',
  '480x854',
  '854x480',
  '720x720',
  '720x1280',
  '1280x720',
  '1080x1080',
  '1080x1920',
  '1920x1080',
] as const;

/** Shortest and longest `n_seconds`. */
export const SORA1_SECONDS_RANGE = { min: 1, max: 20 } as const;

/** `n_seconds` when omitted (AZSPEC default). */
export const SORA1_DEFAULT_SECONDS = 5;

/** At most this many image inputs (they are interpolated between). */
export const SORA1_MAX_IMAGES = 2;

/** At most this many video inputs. */
export const SORA1_MAX_VIDEOS = 1;

/** Longest accepted input video, in seconds (read from the uploaded MP4). */
export const SORA1_MAX_INPUT_VIDEO_SECONDS = 5;

/** True when `width x height` is one of {@link SORA1_RESOLUTIONS}. */
export function isSora1Resolution(width: number, height: number): boolean {
  return (SORA1_RESOLUTIONS as readonly string[]).includes(`${width}x${height}`);
}

/** Image types accepted as inputs, sniffed from the bytes (the same list as `@sora-kit/core`). */
export const SORA1_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * The largest `n_variants` for a resolution (ruling 4, AZCON), as in `@sora-kit/core`'s
 * capability table: short side 1080 gives 1, short side 720 (720x720 too) gives 2, others 4.
 */
export function maxSora1Variants(width: number, height: number): number {
  const shorter = Math.min(width, height);
  if (shorter >= 1080) return 1;
  if (shorter >= 720) return 2;
  return 4;
}
