import { z } from 'zod';
import type { Capabilities } from '../capabilities/capabilities.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { CreateCharacterRequest } from '../types.js';
import { addCapabilityIssues } from './create-request-schema.js';
import { normalizeMediaType } from './normalize-media-type.js';
import { type CapabilityIssue, notAllowed } from './validation-context.js';
import { validationErrorFromZod } from './validation-error-from-zod.js';

const characterShape = z.looseObject({
  name: z.string(),
  video: z.union([z.instanceof(Blob), z.instanceof(Uint8Array), z.looseObject({ path: z.string().min(1) })]),
  mediaType: z.string().optional(),
  fileName: z.string().optional(),
});

function checkCharacter(request: CreateCharacterRequest, capabilities: Capabilities): CapabilityIssue[] {
  const issues: CapabilityIssue[] = [];
  const { nameLength, clipMediaTypes } = capabilities.character;
  const length = [...request.name].length;
  if (length < nameLength.min || length > nameLength.max) {
    issues.push(notAllowed(['name.length'], length, nameLength, capabilities));
  }
  const mediaType =
    normalizeMediaType({ source: request.video, mediaType: request.mediaType }) ?? 'video/mp4';
  if (!clipMediaTypes.includes(mediaType)) {
    issues.push(notAllowed(['video.mediaType'], mediaType, clipMediaTypes, capabilities));
  }
  return issues;
}

/**
 * Checks a character request: the backend must have characters, the name must be 1..80
 * characters and the clip an MP4. Returns it with `mediaType` defaulted.
 * @throws {UnsupportedCapabilityError} characters on a backend without them (Sora 1, Azure Sora 2).
 * @throws {ValidationError} naming `name.length`, `video` or `video.mediaType`.
 * @example
 * validateCharacterRequest({ name: 'Mossy', video: { path: 'mossy.mp4' } }, resolveCapabilities('openai-sora2'));
 */
export function validateCharacterRequest(
  request: CreateCharacterRequest,
  capabilities: Capabilities,
): CreateCharacterRequest {
  if (!capabilities.characters) {
    throw new UnsupportedCapabilityError({
      backend: capabilities.backend,
      model: capabilities.model,
      capability: 'characters',
    });
  }
  const result = characterShape
    .superRefine((value, ctx) =>
      addCapabilityIssues(ctx, checkCharacter(value as CreateCharacterRequest, capabilities)),
    )
    .safeParse(request);
  if (!result.success) throw validationErrorFromZod(result.error, request, capabilities);
  return {
    name: request.name,
    video: request.video,
    mediaType: normalizeMediaType({ source: request.video, mediaType: request.mediaType }) ?? 'video/mp4',
    ...(request.fileName === undefined ? {} : { fileName: request.fileName }),
  };
}
