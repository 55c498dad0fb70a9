/**
 * What the caller declares about an AI SDK video model, and the sora-kit capability table built
 * from it (with the defaults of well-known models).
 * @module
 */
import {
  type AllowedSeconds,
  type BackendCapabilities,
  type Capabilities,
  NO_CHARACTER,
  NO_EXTENSION,
  type SizeString,
  ValidationError,
} from '@sora-kit/core';
import { wellKnownCapabilities } from './well-known-models.js';

/** How a size reaches the model: as `resolution`, as `aspectRatio`, or both (default). */
export type SizeParameter = 'resolution' | 'aspectRatio' | 'both';

/** What an AI SDK video model accepts, declared by the caller (the AI SDK does not describe it). */
export interface AiSdkModelCapabilities {
  /** Output sizes. A model that takes aspect ratios only lists one nominal size per ratio (`1280x720` for 16:9). */
  sizes?: readonly SizeString[];
  /** Size when the request gives none (default: the first of `sizes`). */
  defaultSize?: SizeString;
  /** Durations: a list or an inclusive range of whole seconds. */
  seconds?: AllowedSeconds;
  /** Duration when the request gives none (default: the smallest allowed). */
  defaultSeconds?: number;
  /** How a size is passed to the model (default `both`). */
  sizeParameter?: SizeParameter;
  /** Whether outputs have audio (default false; sent as `generateAudio: true` when set). */
  audio?: boolean;
  /** Videos one call may make; `variants` of a request (default: the model's `maxVideosPerCall` when a number, else 1). */
  maxVideosPerCall?: number;
  /** Jobs this client runs at once (the concurrency gate; default 2). */
  maxConcurrentJobs?: number;
  /** Whether one start image is accepted (default true). */
  imageInput?: boolean;
  /** Whether one reference video is accepted (default false). */
  videoInput?: boolean;
  /** Output frames per second (default 24). */
  framesPerSecond?: number;
  /** Longest prompt in characters, when the model documents one. */
  maxPromptLength?: number;
  /** How long results stay downloadable (default 24 h). */
  retentionHours?: number;
  /** Where the values come from. */
  notes?: readonly string[];
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The declared capabilities of `modelId`: the well-known defaults with `declared` merged over them. */
export function declaredCapabilities(
  modelId: string,
  declared: AiSdkModelCapabilities | undefined,
  modelMaxVideos: number | undefined,
): AiSdkModelCapabilities {
  const known = wellKnownCapabilities(modelId);
  const merged: AiSdkModelCapabilities = {
    ...(modelMaxVideos === undefined ? {} : { maxVideosPerCall: modelMaxVideos }),
    ...known,
    ...declared,
  };
  const missing = (['sizes', 'seconds'] as const).filter((key) => merged[key] === undefined);
  if (missing.length > 0) {
    throw new ValidationError({
      issues: missing.map((key) => ({
        field: `capabilities.${key}`,
        value: undefined,
        message: `capabilities.${key}: sora-kit knows no defaults for the AI SDK model "${modelId}"; declare its ${key === 'sizes' ? 'sizes (e.g. ["1280x720", "720x1280"])' : 'seconds (e.g. [5, 10] or { min: 1, max: 10 })'} (see docs/ai-sdk.md for the models with defaults)`,
      })),
    });
  }
  return merged;
}

/** The sora-kit capability table of one AI SDK model. */
export function toBackendCapabilities(
  backend: string,
  modelId: string,
  declared: AiSdkModelCapabilities,
): BackendCapabilities {
  const sizes = declared.sizes ?? [];
  const seconds = declared.seconds ?? [];
  const smallest = Array.isArray(seconds)
    ? Math.min(...(seconds as number[]))
    : (seconds as { min: number }).min;
  const maxVideos = Math.max(1, declared.maxVideosPerCall ?? 1);
  const capabilities: Capabilities = {
    backend,
    model: modelId,
    sizes,
    defaultSize: declared.defaultSize ?? sizes[0]!,
    seconds,
    defaultSeconds: declared.defaultSeconds ?? smallest,
    maxSecondsBySize: {},
    variants: { default: 1, max: maxVideos, maxBySize: {} },
    prompt: { minLength: 1, maxLength: declared.maxPromptLength },
    inputs: {
      maxImages: declared.imageInput === false ? 0 : 1,
      maxVideos: declared.videoInput ? 1 : 0,
      mixImagesAndVideos: false,
      videoMaxSeconds: undefined,
      imageMediaTypes: IMAGE_TYPES,
      videoMediaTypes: declared.videoInput ? ['video/mp4'] : [],
      imageMustMatchSize: false,
      frameIndex: false,
      crop: false,
      framesPerSecond: declared.framesPerSecond ?? 24,
    },
    audio: declared.audio ?? false,
    remix: false,
    edit: false,
    extend: false,
    extension: NO_EXTENSION,
    characters: false,
    character: NO_CHARACTER,
    cancel: false,
    webhooks: false,
    maxConcurrentJobs: declared.maxConcurrentJobs ?? 2,
    createRequestsPerMinute: undefined,
    retentionHours: declared.retentionHours ?? 24,
    expiryBasis: 'completed_at',
    notes: declared.notes ?? [`Declared for the AI SDK model ${modelId}.`],
    sources: {},
  };
  return { defaultModel: modelId, models: { [modelId]: capabilities }, aliases: {} };
}
