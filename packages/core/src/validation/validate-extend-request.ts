import { z } from 'zod';
import type { Capabilities } from '../capabilities/capabilities.js';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error.js';
import type { ExtendVideoRequest } from '../types.js';
import { checkPrompt } from './check-prompt.js';
import { addCapabilityIssues } from './create-request-schema.js';
import { type CapabilityIssue, notAllowed, target } from './validation-context.js';
import { validationErrorFromZod } from './validation-error-from-zod.js';

/** What the client knows about the video being extended. */
export interface ExtensionSource {
  /** Its id, for messages. */
  id: string;
  /** How long it lasts (the stitched total when it is itself an extension), when known. */
  seconds?: number;
  /** How many extensions its chain already has, when known. */
  extensions?: number;
}

const extendShape = z.looseObject({ prompt: z.string(), seconds: z.number() });

function checkExtension(
  request: ExtendVideoRequest,
  capabilities: Capabilities,
  source: ExtensionSource | undefined,
): CapabilityIssue[] {
  const rules = capabilities.extension;
  const issues = [...checkPrompt(request.prompt, capabilities)];
  if (!rules.seconds.includes(request.seconds)) {
    issues.push(notAllowed(['seconds'], request.seconds, rules.seconds, capabilities));
    return issues;
  }
  if (source?.extensions !== undefined && source.extensions >= rules.maxExtensions) {
    issues.push({
      path: ['seconds'],
      value: request.seconds,
      allowed: [],
      message: `seconds: ${source.id} has been extended ${source.extensions} times; ${target(capabilities)} allows at most ${rules.maxExtensions} extensions per video`,
    });
  }
  if (source?.seconds !== undefined && source.seconds + request.seconds > rules.maxTotalSeconds) {
    const room = rules.maxTotalSeconds - source.seconds;
    issues.push({
      path: ['seconds'],
      value: request.seconds,
      allowed: rules.seconds.filter((value) => value <= room),
      message: `seconds: ${request.seconds} would make ${source.id} last ${source.seconds + request.seconds} s; ${target(capabilities)} allows at most ${rules.maxTotalSeconds} s in all (${Math.max(0, room)} s left)`,
    });
  }
  return issues;
}

/**
 * Checks an extension: the backend must extend, the prompt must fit, `seconds` must be an
 * allowed extension length and, when the source is known, the chain must stay within the
 * extension count and the stitched total.
 * @throws {UnsupportedCapabilityError} extensions on a backend without them (Sora 1, Azure Sora 2).
 * @throws {ValidationError} naming `prompt` or `seconds`.
 * @example
 * validateExtendRequest({ prompt: 'the cat jumps', seconds: 8 }, resolveCapabilities('openai-sora2'), { id: 'video_1', seconds: 12 });
 */
export function validateExtendRequest(
  request: ExtendVideoRequest,
  capabilities: Capabilities,
  source?: ExtensionSource,
): ExtendVideoRequest {
  if (!capabilities.extend) {
    throw new UnsupportedCapabilityError({
      backend: capabilities.backend,
      model: capabilities.model,
      capability: 'extend',
    });
  }
  const result = extendShape
    .superRefine((value, ctx) =>
      addCapabilityIssues(ctx, checkExtension(value as ExtendVideoRequest, capabilities, source)),
    )
    .safeParse(request);
  if (!result.success) throw validationErrorFromZod(result.error, request, capabilities);
  return { prompt: request.prompt, seconds: request.seconds };
}
