import type { Capabilities } from '../capabilities/capabilities.js';
import type { CropBounds, MediaInput } from '../types.js';
import { normalizeMediaType } from './normalize-media-type.js';
import { type CapabilityIssue, notAllowed, target } from './validation-context.js';

const EDGES = ['left', 'top', 'right', 'bottom'] as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Counts, kinds, MIME types, frame indexes, crops and video lengths of the inputs. */
export function checkInputs(
  inputs: readonly MediaInput[],
  capabilities: Capabilities,
  seconds: number,
): CapabilityIssue[] {
  const rules = capabilities.inputs;
  const issues: CapabilityIssue[] = [];
  const images = inputs.filter((input) => input.kind === 'image').length;
  const videos = inputs.length - images;
  const allowedText = [
    rules.maxImages > 0 ? `up to ${plural(rules.maxImages, 'image')}` : undefined,
    rules.maxVideos > 0 ? `up to ${plural(rules.maxVideos, 'video')}` : undefined,
  ].filter((part) => part !== undefined) as string[];
  if (images > 0 && videos > 0 && !rules.mixImagesAndVideos) {
    issues.push({
      path: ['inputs'],
      value: { images, videos },
      allowed: allowedText,
      message: `inputs: ${plural(images, 'image')} and ${plural(videos, 'video')} cannot be combined on ${target(capabilities)}; allowed: ${allowedText.join(' or ')}`,
    });
  }
  if (images > rules.maxImages) {
    issues.push({
      path: ['inputs'],
      value: images,
      allowed: { min: 0, max: rules.maxImages },
      message: `inputs: ${plural(images, 'image')} is not allowed on ${target(capabilities)}; allowed: up to ${plural(rules.maxImages, 'image')}`,
    });
  }
  if (videos > rules.maxVideos) {
    issues.push({
      path: ['inputs'],
      value: videos,
      allowed: { min: 0, max: rules.maxVideos },
      message: `inputs: ${plural(videos, 'video')} is not allowed on ${target(capabilities)}; allowed: up to ${plural(rules.maxVideos, 'video')}`,
    });
  }
  inputs.forEach((input, index) => {
    issues.push(...checkInput(input, index, capabilities, seconds));
  });
  return issues;
}

function checkInput(
  input: MediaInput,
  index: number,
  capabilities: Capabilities,
  seconds: number,
): CapabilityIssue[] {
  const rules = capabilities.inputs;
  const issues: CapabilityIssue[] = [];
  const at = (...rest: (string | number)[]) => ['inputs', index, ...rest];
  const mediaType = normalizeMediaType(input);
  const allowedTypes = input.kind === 'image' ? rules.imageMediaTypes : rules.videoMediaTypes;
  if (mediaType !== undefined && !allowedTypes.includes(mediaType)) {
    issues.push(notAllowed(at('mediaType'), mediaType, allowedTypes, capabilities));
  }
  if (input.frameIndex !== undefined) {
    const frames = Math.round(seconds * rules.framesPerSecond);
    const allowed = rules.frameIndex ? { min: 0, max: Math.max(0, frames - 1) } : [0];
    const ok = rules.frameIndex
      ? Number.isInteger(input.frameIndex) && input.frameIndex >= 0 && input.frameIndex < frames
      : input.frameIndex === 0;
    if (!ok) {
      const qualifier = rules.frameIndex ? ` for a ${seconds} s video at ${rules.framesPerSecond} fps` : '';
      issues.push(notAllowed(at('frameIndex'), input.frameIndex, allowed, capabilities, qualifier));
    }
  }
  if (input.crop !== undefined) issues.push(...checkCrop(input.crop, at('crop'), capabilities));
  if (input.kind === 'video' && input.seconds !== undefined && rules.videoMaxSeconds !== undefined) {
    if (!(input.seconds > 0 && input.seconds <= rules.videoMaxSeconds)) {
      issues.push(
        notAllowed(at('seconds'), input.seconds, { min: 0, max: rules.videoMaxSeconds }, capabilities),
      );
    }
  }
  return issues;
}

function checkCrop(
  crop: Partial<CropBounds>,
  path: (string | number)[],
  capabilities: Capabilities,
): CapabilityIssue[] {
  if (!capabilities.inputs.crop) {
    return [
      {
        path,
        value: crop,
        allowed: [],
        message: `${path[0]}[${path[1]}].crop is not supported on ${target(capabilities)}`,
      },
    ];
  }
  const issues: CapabilityIssue[] = [];
  for (const edge of EDGES) {
    const value = crop[edge];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) {
      issues.push(notAllowed([...path, edge], value, { min: 0, max: 1 }, capabilities));
    }
  }
  if (issues.length > 0) return issues;
  const { left = 0, top = 0, right = 1, bottom = 1 } = crop;
  const where = `${path[0]}[${path[1]}].crop`;
  if (left >= right) {
    issues.push({
      path,
      value: { left, right },
      message: `${where}: left ${left} must be less than right ${right} on ${target(capabilities)}`,
    });
  }
  if (top >= bottom) {
    issues.push({
      path,
      value: { top, bottom },
      message: `${where}: top ${top} must be less than bottom ${bottom} on ${target(capabilities)}`,
    });
  }
  return issues;
}
