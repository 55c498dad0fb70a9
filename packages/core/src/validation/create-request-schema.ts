import { z } from 'zod';
import type { Capabilities, SizeString } from '../capabilities/capabilities.js';
import type { CreateVideoRequest } from '../types.js';
import { checkCharacters } from './check-characters.js';
import { checkInputs } from './check-inputs.js';
import { checkPrompt } from './check-prompt.js';
import { formatSize, parseSize } from './parse-size.js';
import { type CapabilityIssue, notAllowed } from './validation-context.js';

const mediaSource = z.union([
  z.instanceof(Blob),
  z.instanceof(Uint8Array),
  z.looseObject({ path: z.string().min(1) }),
]);

const cropBounds = z.looseObject({
  left: z.number().optional(),
  top: z.number().optional(),
  right: z.number().optional(),
  bottom: z.number().optional(),
});

const mediaInput = z.looseObject({
  kind: z.enum(['image', 'video']),
  source: mediaSource,
  mediaType: z.string().optional(),
  fileName: z.string().optional(),
  frameIndex: z.number().optional(),
  crop: cropBounds.optional(),
  seconds: z.number().optional(),
});

/** The shape of a create request, before any capability is looked at. */
const createRequestShape = z.looseObject({
  prompt: z.string(),
  size: z.union([z.string(), z.looseObject({ width: z.number(), height: z.number() })]).optional(),
  seconds: z.number().optional(),
  model: z.string().optional(),
  variants: z.number().optional(),
  inputs: z.array(mediaInput).optional(),
  characters: z.array(z.unknown()).optional(),
});

/** Adds capability issues to a zod refinement, keeping their value, allowed values and message. */
export function addCapabilityIssues(ctx: z.RefinementCtx, issues: readonly CapabilityIssue[]): void {
  for (const issue of issues) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: issue.message,
      params: { value: issue.value, allowed: issue.allowed, capability: true },
    });
  }
}

/** The size a request resolves to, or undefined when it is malformed. */
export function requestedSize(
  request: CreateVideoRequest,
  capabilities: Capabilities,
): SizeString | undefined {
  if (request.size === undefined) return capabilities.defaultSize;
  const parsed = parseSize(request.size);
  return parsed === undefined ? undefined : formatSize(parsed);
}

function checkCreate(request: CreateVideoRequest, capabilities: Capabilities): CapabilityIssue[] {
  const issues: CapabilityIssue[] = [...checkPrompt(request.prompt, capabilities)];
  const size = requestedSize(request, capabilities);
  if (size === undefined) {
    issues.push({
      ...notAllowed(['size'], request.size, capabilities.sizes, capabilities),
      message: `size: ${JSON.stringify(request.size)} is not a WIDTHxHEIGHT size; allowed on ${capabilities.backend} (${capabilities.model}): ${capabilities.sizes.join(', ')}`,
    });
  } else if (!capabilities.sizes.includes(size)) {
    issues.push(notAllowed(['size'], size, capabilities.sizes, capabilities));
  }
  const seconds = request.seconds ?? capabilities.defaultSeconds;
  if (request.seconds !== undefined) {
    const allowed = capabilities.seconds;
    const inBase = Array.isArray(allowed)
      ? (allowed as readonly number[]).includes(seconds)
      : Number.isInteger(seconds) &&
        seconds >= (allowed as { min: number }).min &&
        seconds <= (allowed as { max: number }).max;
    const sizeMax = size === undefined ? undefined : capabilities.maxSecondsBySize[size];
    if (!inBase) {
      issues.push(notAllowed(['seconds'], seconds, allowed, capabilities));
    } else if (sizeMax !== undefined && seconds > sizeMax) {
      const narrowed = Array.isArray(allowed)
        ? (allowed as readonly number[]).filter((value) => value <= sizeMax)
        : { min: (allowed as { min: number }).min, max: sizeMax };
      issues.push(notAllowed(['seconds'], seconds, narrowed, capabilities, ` for size ${size}`));
    }
  }
  if (request.variants !== undefined) {
    const sizeMax = size === undefined ? undefined : capabilities.variants.maxBySize[size];
    const max = sizeMax ?? capabilities.variants.max;
    if (!(Number.isInteger(request.variants) && request.variants >= 1 && request.variants <= max)) {
      const bySize = size !== undefined && Object.keys(capabilities.variants.maxBySize).length > 0;
      const qualifier = bySize ? ` for size ${size}` : '';
      issues.push(notAllowed(['variants'], request.variants, { min: 1, max }, capabilities, qualifier));
    }
  }
  if (request.inputs !== undefined) issues.push(...checkInputs(request.inputs, capabilities, seconds));
  if (request.characters !== undefined) issues.push(...checkCharacters(request.characters, capabilities));
  return issues;
}

const createSchemas = new WeakMap<Capabilities, z.ZodType<CreateVideoRequest>>();

/**
 * The zod schema of a create request for one backend and model: the request's shape, then
 * every capability limit as a refinement. Cached per capabilities object.
 */
export function createRequestSchema(capabilities: Capabilities): z.ZodType<CreateVideoRequest> {
  let schema = createSchemas.get(capabilities);
  if (schema === undefined) {
    schema = createRequestShape.superRefine((request, ctx) => {
      addCapabilityIssues(ctx, checkCreate(request as CreateVideoRequest, capabilities));
    }) as unknown as z.ZodType<CreateVideoRequest>;
    createSchemas.set(capabilities, schema);
  }
  return schema;
}
