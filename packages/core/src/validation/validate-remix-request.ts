import type { Capabilities } from '../capabilities/capabilities.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { RemixVideoRequest } from '../types.js';
import { remixRequestSchema } from './create-request-schema.js';
import { validationErrorFromZod } from './validation-error-from-zod.js';

/**
 * Checks a remix request: the backend must support remix and the prompt must fit the model.
 * @throws {UnsupportedCapabilityError} remix on a backend without it (Sora 1).
 * @throws {ValidationError} an empty or too long prompt.
 * @example
 * validateRemixRequest({ prompt: 'same scene, at night' }, resolveCapabilities('openai-sora2'));
 */
export function validateRemixRequest(
  request: RemixVideoRequest,
  capabilities: Capabilities,
): RemixVideoRequest {
  if (!capabilities.remix) {
    throw new UnsupportedCapabilityError({
      backend: capabilities.backend,
      model: capabilities.model,
      capability: 'remix',
    });
  }
  const result = remixRequestSchema(capabilities).safeParse(request);
  if (!result.success) throw validationErrorFromZod(result.error, request, capabilities);
  return { prompt: request.prompt };
}
