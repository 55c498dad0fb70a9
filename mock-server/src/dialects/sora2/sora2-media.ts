/**
 * What a Sora 2 video looks like: its prompt (an edit shows the edit prompt), each part of a
 * stitched extension with its own seed and caption, the `input_reference` image from the first
 * frame on, and a labelled panel per character.
 * @module
 */
import type { JobRecord } from '../../engine/index.js';
import type { RenderRequest } from '../../http/index.js';
import type { SceneOverlay, SceneSegment } from '../../media/index.js';
import { inputsDigest, inputUploads } from '../input-overlays.js';

const FPS = 30;

/** Sora 2 content variants. */
export type Sora2Variant = 'video' | 'thumbnail' | 'spritesheet';

function characterPanels(job: JobRecord): SceneOverlay[] {
  return (job.characters ?? []).map((character) => ({
    kind: 'panel',
    fromFrame: 0,
    lines: ['CHARACTER', character.name, character.id],
  }));
}

/**
 * The render request of one variant of a Sora 2 video.
 * @example
 * const bytes = await emulator.media.get(sora2RenderRequest(view.job, 'video'));
 */
export function sora2RenderRequest(job: JobRecord, variant: Sora2Variant): RenderRequest {
  const parts = job.segments ?? [];
  const first = parts[0];
  const segments: SceneSegment[] = [];
  let elapsed = first?.seconds ?? 0;
  for (const part of parts.slice(1)) {
    segments.push({ fromFrame: Math.round(elapsed * FPS), seed: part.seed ?? job.id, caption: part.prompt });
    elapsed += part.seconds;
  }
  const panels = characterPanels(job);
  const characterKey = (job.characters ?? []).map((c) => `${c.id}:${c.name}`).join(',');
  // the input_reference image; an uploaded source video (edits, extensions) is not drawn. The
  // record's own array when it holds only images, so the digest stays memoised per record.
  const isImage = (input: JobRecord['inputs'][number]) => input.kind === 'image';
  const images = job.inputs.every(isImage) ? job.inputs : job.inputs.filter(isImage);
  const hasInputs = images.length > 0;
  return {
    variant,
    width: job.width,
    height: job.height,
    seconds: job.seconds,
    audio: true,
    seed: first?.seed ?? job.id,
    caption: first?.prompt ?? job.prompt,
    label: job.id,
    ...(segments.length === 0 ? {} : { segments }),
    ...(panels.length === 0 && !hasInputs
      ? {}
      : {
          overlays: () => (hasInputs ? [...inputUploads(images), ...panels] : panels),
          overlayKey: hasInputs ? `${inputsDigest(images)};${characterKey}` : characterKey,
        }),
  };
}
