/**
 * What a Sora 1 generation looks like: the render requests of its video (two qualities) and
 * thumbnail, seeded by the generation id, with the job's uploaded inputs as scene overlays
 * (`../input-overlays.ts`).
 * @module
 */
import type { GenerationView, JobRecord } from '../../engine/index.js';
import type { RenderRequest } from '../../http/index.js';
import { inputsDigest, inputUploads } from '../input-overlays.js';

/** `quality` of `.../content/video`. */
export type Sora1VideoQuality = 'high' | 'low';

/**
 * Size of a quality: `high` is the job's size; `low` is half of each side, rounded down to an
 * even number (the H.264 encoder needs even sizes), e.g. 854x480 -> 426x240.
 */
export function qualitySize(job: JobRecord, quality: Sora1VideoQuality): { width: number; height: number } {
  if (quality === 'high') return { width: job.width, height: job.height };
  const half = (side: number) => Math.max(2, Math.floor(side / 4) * 2);
  return { width: half(job.width), height: half(job.height) };
}

/**
 * The render request of one generation's video or thumbnail. Every generation of a job has
 * its own content: the seed and label are the generation id.
 * @example
 * const mp4 = await emulator.media.get(generationRender(job, generation, 'video', 'high'));
 */
export function generationRender(
  job: JobRecord,
  generation: GenerationView,
  variant: 'video' | 'thumbnail',
  quality: Sora1VideoQuality = 'high',
): RenderRequest {
  const size = variant === 'video' ? qualitySize(job, quality) : qualitySize(job, 'high');
  return {
    variant,
    ...(variant === 'thumbnail' ? { format: 'jpeg' as const } : { audio: false }),
    ...size,
    seconds: job.seconds,
    seed: generation.id,
    caption: job.prompt,
    label: generation.id,
    ...(job.inputs.length === 0
      ? {}
      : { overlays: () => inputUploads(job.inputs), overlayKey: inputsDigest(job.inputs) }),
  };
}
