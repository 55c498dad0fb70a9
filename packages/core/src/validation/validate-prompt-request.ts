import { z } from 'zod';
import type { Capabilities } from '../capabilities/capabilities.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import { checkPrompt } from './check-prompt.js';
import { addCapabilityIssues } from './create-request-schema.js';
import { validationErrorFromZod } from './validation-error-from-zod.js';

const promptShape = z.looseObject({ prompt: z.string() });

/**
 * Checks a request that changes an existing video with a prompt (remix, edit): the backend must
 * have `capability` and the prompt must fit the model. Returns `{ prompt }` alone.
 * @throws {UnsupportedCapabilityError} when the backend lacks `capability`.
 * @throws {ValidationError} an empty or too long prompt.
 */
export function validatePromptRequest(
  request: { prompt: string },
  capabilities: Capabilities,
  capability: 'remix' | 'edit',
): { prompt: string } {
  if (!capabilities[capability]) {
    throw new UnsupportedCapabilityError({
      backend: capabilities.backend,
      model: capabilities.model,
      capability,
    });
  }
  const result = promptShape
    .superRefine((value, ctx) => addCapabilityIssues(ctx, checkPrompt(value.prompt, capabilities)))
    .safeParse(request);
  if (!result.success) throw validationErrorFromZod(result.error, request, capabilities);
  return { prompt: request.prompt };
}
