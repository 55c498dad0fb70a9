/**
 * A parsed Sora 1 create request -> the engine's dialect-neutral create input.
 * @module
 */
import type { CreateJobInput, JobInput, JsonValue } from '../../engine/index.js';
import type { Sora1CreateRequest } from './sora1-create-request.js';

/**
 * Maps the request: size, seconds and variants as they are; each input keeps its bytes (so
 * outputs can be rendered from them), sniffed type, file name, frame and crop; the raw
 * `inpaint_items` are kept in the metadata to be echoed on the job. Expiry counts from
 * `finished_at` (ruling 12).
 * @example
 * engine.createJob(toCreateJobInput(parseSora1CreateJson(body), 'azure:key'));
 */
export function toCreateJobInput(request: Sora1CreateRequest, partition: string): CreateJobInput {
  const inputs: JobInput[] = request.inputs.map(({ item, bytes, mediaType }) => {
    const crop = item.crop_bounds;
    return {
      kind: item.type,
      mediaType,
      fileName: item.file_name,
      frameIndex: item.frame_index,
      bytes,
      ...(crop === undefined
        ? {}
        : {
            crop: {
              left: crop.left_fraction ?? 0,
              top: crop.top_fraction ?? 0,
              right: crop.right_fraction ?? 1,
              bottom: crop.bottom_fraction ?? 1,
            },
          }),
    };
  });
  return {
    partition,
    kind: 'sora1',
    prompt: request.prompt,
    model: request.model,
    width: request.width,
    height: request.height,
    seconds: request.seconds,
    variants: request.variants,
    inputs,
    expiryBasis: 'finishedAt',
    ...(inputs.length === 0
      ? {}
      : { metadata: { inpaint_items: request.inputs.map(({ item }) => item) as unknown as JsonValue } }),
  };
}
