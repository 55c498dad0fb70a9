import type { Capabilities } from '../capabilities/capabilities.js';
import type { RemixVideoRequest } from '../types.js';
import { validatePromptRequest } from './validate-prompt-request.js';

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
  return validatePromptRequest(request, capabilities, 'remix');
}
