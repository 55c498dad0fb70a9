import type { Capabilities } from '../capabilities/capabilities.js';
import type { EditVideoRequest } from '../types.js';
import { validatePromptRequest } from './validate-prompt-request.js';

/**
 * Checks an edit request: the backend must edit and the prompt must fit the model.
 * @throws {UnsupportedCapabilityError} edits on a backend without them (Sora 1, Azure Sora 2).
 * @throws {ValidationError} an empty or too long prompt.
 * @example
 * validateEditRequest({ prompt: 'make it night' }, resolveCapabilities('openai-sora2'));
 */
export function validateEditRequest(request: EditVideoRequest, capabilities: Capabilities): EditVideoRequest {
  return validatePromptRequest(request, capabilities, 'edit');
}
