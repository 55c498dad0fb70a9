import type { Capabilities, SizeString } from '../capabilities/capabilities.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { CreateVideoRequest, CropBounds, ImageInput, MediaInput, VideoInput } from '../types.js';
import { createRequestSchema, requestedSize } from './create-request-schema.js';
import { normalizeMediaType } from './normalize-media-type.js';
import { parseSize } from './parse-size.js';
import { validationErrorFromZod } from './validation-error-from-zod.js';

/** Placement of an input with defaults applied. */
export interface NormalizedPlacement {
  /** Output frame where the input is placed (default 0). */
  frameIndex: number;
  /** Crop with the missing edges filled in (0, 0, 1, 1); undefined when none was given. */
  crop: CropBounds | undefined;
  /** Lower-cased MIME type from `mediaType` or the Blob's type; undefined when unknown. */
  mediaType: string | undefined;
}

/** A media input after validation. */
export type NormalizedMediaInput =
  | (Omit<ImageInput, 'frameIndex' | 'crop' | 'mediaType'> & NormalizedPlacement)
  | (Omit<VideoInput, 'frameIndex' | 'crop' | 'mediaType'> & NormalizedPlacement);

/** A create request checked against a backend's capabilities, with every default applied. */
export interface NormalizedCreateRequest {
  /** The backend it was checked against. */
  backend: Capabilities['backend'];
  /** The base model it was checked against (`sora`, `sora-2`, `sora-2-pro`). */
  baseModel: string;
  /** The model or Azure deployment name as requested; undefined = the provider's default. */
  model: string | undefined;
  /** The prompt, unchanged. */
  prompt: string;
  /** `WIDTHxHEIGHT`. */
  size: SizeString;
  /** Output width, pixels. */
  width: number;
  /** Output height, pixels. */
  height: number;
  /** Whole seconds, defaulted. */
  seconds: number;
  /** Variants, defaulted (always 1 on Sora 2). */
  variants: number;
  /** Inputs with defaults applied, in request order. */
  inputs: NormalizedMediaInput[];
  /** Character ids to place (empty when none). */
  characters: string[];
}

function refuseUnsupported(request: CreateVideoRequest, capabilities: Capabilities): void {
  if (request === null || typeof request !== 'object') return;
  const { backend, model } = capabilities;
  const inputs: unknown[] = Array.isArray(request.inputs) ? request.inputs : [];
  const kinds = new Set(inputs.map((input) => (input as MediaInput | null)?.kind));
  if (kinds.has('video') && capabilities.inputs.maxVideos === 0) {
    throw new UnsupportedCapabilityError({ backend, model, capability: 'video-input' });
  }
  if (Array.isArray(request.characters) && request.characters.length > 0 && !capabilities.characters) {
    throw new UnsupportedCapabilityError({ backend, model, capability: 'characters' });
  }
  if (kinds.has('image') && capabilities.inputs.maxImages === 0) {
    throw new UnsupportedCapabilityError({ backend, model, capability: 'image-input' });
  }
  if (typeof request.variants === 'number' && request.variants > 1 && capabilities.variants.max <= 1) {
    throw new UnsupportedCapabilityError({
      backend,
      model,
      capability: 'variants',
      message: `variants: ${request.variants} is not supported on ${backend} (${model}): it makes one video per job`,
    });
  }
}

function normalizeInput(input: MediaInput): NormalizedMediaInput {
  const crop = input.crop === undefined ? undefined : { left: 0, top: 0, right: 1, bottom: 1, ...input.crop };
  return { ...input, frameIndex: input.frameIndex ?? 0, crop, mediaType: normalizeMediaType(input) };
}

/**
 * Checks a create request against one backend's capabilities before anything is sent and
 * applies the defaults. What it cannot check: whether a Sora 2 input image really has the
 * output size, or the length of an input video whose `seconds` is not given (it would need to
 * decode the bytes; the service checks those).
 * @throws {UnsupportedCapabilityError} video input, image input or several variants where the
 *   backend has none.
 * @throws {ValidationError} every other problem, all at once, each naming field, value, allowed
 *   values and backend, e.g. `seconds: 7 is not allowed on openai-sora2 (sora-2); allowed: 4, 8, 12`.
 * @example
 * const normalized = validateCreateRequest({ prompt: 'a red balloon', seconds: 8 }, resolveCapabilities('openai-sora2'));
 * normalized.size; // '720x1280'
 */
export function validateCreateRequest(
  request: CreateVideoRequest,
  capabilities: Capabilities,
): NormalizedCreateRequest {
  refuseUnsupported(request, capabilities);
  const result = createRequestSchema(capabilities).safeParse(request);
  if (!result.success) throw validationErrorFromZod(result.error, request, capabilities);
  const size = requestedSize(request, capabilities) as SizeString;
  const { width, height } = parseSize(size) as { width: number; height: number };
  return {
    backend: capabilities.backend,
    baseModel: capabilities.model,
    model: request.model,
    prompt: request.prompt,
    size,
    width,
    height,
    seconds: request.seconds ?? capabilities.defaultSeconds,
    variants: request.variants ?? capabilities.variants.default,
    inputs: (request.inputs ?? []).map(normalizeInput),
    characters: [...(request.characters ?? [])],
  };
}
