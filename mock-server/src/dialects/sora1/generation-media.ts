/**
 * What a Sora 1 generation looks like: the render requests of its video (two qualities) and
 * thumbnail, seeded by the generation id, with the job's uploaded inputs as scene overlays.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { GenerationView, JobInput, JobRecord } from '../../engine/index.js';
import type { RenderRequest } from '../../http/index.js';
import { decodeImage, readImageInfo, readMp4Info, type SceneOverlay } from '../../media/index.js';

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

const inputLabel = (input: JobInput): string => input.fileName ?? 'upload';

/** A panel for an input the emulator shows by name only. */
function panelFor(input: JobInput, bytes: Uint8Array): SceneOverlay {
  const fromFrame = input.frameIndex ?? 0;
  if (input.kind === 'video') {
    const info = readMp4Info(bytes);
    const size = info?.width && info.height ? `${info.width}x${info.height}` : 'unknown size';
    const duration = info === undefined ? '?' : info.durationSeconds.toFixed(2);
    return { kind: 'panel', fromFrame, lines: ['INPUT VIDEO', inputLabel(input), `${size} ${duration} S`] };
  }
  const info = readImageInfo(bytes);
  const size = info === undefined ? 'unknown size' : `${info.width}x${info.height}`;
  return { kind: 'panel', fromFrame, lines: ['INPUT IMAGE', inputLabel(input), size] };
}

/**
 * The overlays of a job's inputs: each image decoded (pure TypeScript) and shown cropped from
 * its `frame_index`; each video, whose H.264 is not decoded, as a panel with its file name,
 * size and duration from its MP4 header. An image our decoders refuse (e.g. lossy WebP) gets a
 * panel too. Called only when a render is needed.
 */
export function inputOverlays(inputs: readonly JobInput[]): SceneOverlay[] {
  return inputs.flatMap((input): SceneOverlay[] => {
    const bytes = input.bytes;
    if (bytes === undefined) return [];
    if (input.kind === 'image') {
      try {
        return [
          {
            kind: 'image',
            fromFrame: input.frameIndex ?? 0,
            image: decodeImage(bytes),
            ...(input.crop === undefined ? {} : { crop: input.crop }),
          },
        ];
      } catch {
        return [panelFor(input, bytes)];
      }
    }
    return [panelFor(input, bytes)];
  });
}

const digests = new WeakMap<readonly JobInput[], string>();

/** A digest of the inputs (bytes, kind, name, frame, crop) for the render cache key; memoised per record. */
export function inputsDigest(inputs: readonly JobInput[]): string {
  const known = digests.get(inputs);
  if (known !== undefined) return known;
  const hash = sha256.create();
  const text = new TextEncoder();
  for (const input of inputs) {
    hash.update(
      text.encode(
        JSON.stringify([input.kind, input.fileName ?? null, input.frameIndex ?? 0, input.crop ?? null]),
      ),
    );
    hash.update(text.encode(String(input.bytes?.byteLength ?? -1)));
    if (input.bytes !== undefined) hash.update(input.bytes);
  }
  const digest = bytesToHex(hash.digest());
  digests.set(inputs, digest);
  return digest;
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
      : { overlays: () => inputOverlays(job.inputs), overlayKey: inputsDigest(job.inputs) }),
  };
}
