/**
 * A job's uploaded inputs as scene overlays, shared by the dialects: Sora 1 `inpaint_items`
 * (images and videos from their `frame_index`) and the Sora 2 `input_reference` image.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { JobInput } from '../engine/index.js';
import { resolveUploadOverlays, type SceneOverlay, type UploadSceneOverlay } from '../media/index.js';

/**
 * A job's uploaded inputs as render overlays, still encoded (the render decodes them, on a render
 * worker in Node): images from their `frame_index`, cropped; videos as named panels. Inputs given
 * by URL or file id (no bytes) show nothing. The bytes are copied out when they are a view into a
 * larger buffer, so only the file itself crosses to a worker.
 */
export function inputUploads(inputs: readonly JobInput[]): UploadSceneOverlay[] {
  return inputs.flatMap((input): UploadSceneOverlay[] => {
    const bytes = input.bytes;
    if (bytes === undefined) return [];
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return [
      {
        kind: 'upload',
        fromFrame: input.frameIndex ?? 0,
        media: input.kind,
        bytes: own,
        ...(input.fileName === undefined ? {} : { fileName: input.fileName }),
        ...(input.crop === undefined ? {} : { crop: input.crop }),
      },
    ];
  });
}

/**
 * The overlays of a job's inputs, decoded here: each image decoded (`decodeImage`: JPEG, PNG,
 * WebP lossy or lossless) and shown cropped from its `frame_index`; each video, whose H.264 is not
 * decoded, as a panel with its file name, size and duration from its MP4 header. An image the
 * decoders refuse (corrupt, GIF) gets a panel too. Renders use {@link inputUploads} instead.
 */
export function inputOverlays(inputs: readonly JobInput[]): Promise<SceneOverlay[]> {
  return resolveUploadOverlays(inputUploads(inputs));
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
