/**
 * A job's uploaded inputs as scene overlays, shared by the dialects: Sora 1 `inpaint_items`
 * (images and videos from their `frame_index`) and the Sora 2 `input_reference` image.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { JobInput } from '../engine/index.js';
import { decodeImage, readImageInfo, readMp4Info, type SceneOverlay } from '../media/index.js';

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
 * The overlays of a job's inputs: each image decoded (`decodeImage`: JPEG, PNG, WebP lossy or
 * lossless) and shown cropped from its `frame_index`; each video, whose H.264 is not decoded, as
 * a panel with its file name, size and duration from its MP4 header. An image the decoders
 * refuse (corrupt, GIF) gets a panel too. Called only when a render is needed.
 */
export async function inputOverlays(inputs: readonly JobInput[]): Promise<SceneOverlay[]> {
  const overlays = await Promise.all(
    inputs.map(async (input): Promise<SceneOverlay[]> => {
      const bytes = input.bytes;
      if (bytes === undefined) return [];
      if (input.kind !== 'image') return [panelFor(input, bytes)];
      try {
        const image = await decodeImage(bytes);
        return [
          {
            kind: 'image',
            fromFrame: input.frameIndex ?? 0,
            image,
            ...(input.crop === undefined ? {} : { crop: input.crop }),
          },
        ];
      } catch {
        return [panelFor(input, bytes)];
      }
    }),
  );
  return overlays.flat();
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
