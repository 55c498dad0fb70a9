/**
 * The capability table, from shared/reference/contracts.md sections 2.5, 3 and 6 (rulings).
 * @module
 */
import type { BackendCapabilities, Capabilities, CapabilityTable, SizeString } from './capabilities.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const SORA1_SIZES: readonly SizeString[] = [
  '480x480',
  '480x854',
  '854x480',
  '720x720',
  '720x1280',
  '1280x720',
  '1080x1080',
  '1080x1920',
  '1920x1080',
];

const sora1: Capabilities = {
  backend: 'azure-sora1',
  model: 'sora',
  sizes: SORA1_SIZES,
  defaultSize: '1280x720',
  seconds: { min: 1, max: 20 },
  defaultSeconds: 5,
  maxSecondsBySize: {},
  variants: {
    default: 1,
    max: 4,
    maxBySize: { '1080x1080': 1, '1080x1920': 1, '1920x1080': 1, '720x720': 2, '720x1280': 2, '1280x720': 2 },
  },
  prompt: { minLength: 1, maxLength: undefined },
  inputs: {
    maxImages: 2,
    maxVideos: 1,
    mixImagesAndVideos: false,
    videoMaxSeconds: 5,
    imageMediaTypes: IMAGE_TYPES,
    videoMediaTypes: ['video/mp4'],
    imageMustMatchSize: false,
    frameIndex: true,
    crop: true,
    framesPerSecond: 30,
  },
  audio: false,
  remix: false,
  cancel: true,
  webhooks: false,
  maxConcurrentJobs: 2,
  createRequestsPerMinute: undefined,
  retentionHours: 24,
  expiryBasis: 'finished_at',
  notes: [
    'Sizes, 1..20 s, variants by size, 2 images or 1 video <= 5 s, 2 running jobs, 24 h: AZCON "Sora 1 Technical limitations" (contracts 2.5).',
    'Variants: 1080p (short side 1080) 1, 720p (short side 720, incl. 720x720) 2, other sizes 4 (ruling 4).',
    "defaultSize 1280x720 is sora-kit's choice: the service requires width and height.",
    'Image MIME types are inferred (Azure lists none); the samples send image/jpeg and video/mp4.',
    'A third-party client limits 1080p to 10 s; not enforced by default (set maxSecondsBySize to enforce).',
    'Prompt length is not documented, so only emptiness is checked.',
    'expires_at = finished_at + 24 h (ruling 12).',
  ],
};

function sora2(backend: 'openai-sora2' | 'azure-sora2', model: 'sora-2' | 'sora-2-pro'): Capabilities {
  const sizes: SizeString[] = ['720x1280', '1280x720'];
  if (model === 'sora-2-pro') sizes.push('1024x1792', '1792x1024');
  const azure = backend === 'azure-sora2';
  return {
    backend,
    model,
    sizes,
    defaultSize: '720x1280',
    seconds: [4, 8, 12],
    defaultSeconds: 4,
    maxSecondsBySize: {},
    variants: { default: 1, max: 1, maxBySize: {} },
    prompt: { minLength: 1, maxLength: 32000 },
    inputs: {
      maxImages: 1,
      maxVideos: 0,
      mixImagesAndVideos: false,
      videoMaxSeconds: undefined,
      imageMediaTypes: IMAGE_TYPES,
      videoMediaTypes: [],
      imageMustMatchSize: true,
      frameIndex: false,
      crop: false,
      framesPerSecond: 30,
    },
    audio: true,
    remix: true,
    cancel: false,
    webhooks: !azure,
    maxConcurrentJobs: 2,
    createRequestsPerMinute: azure ? 2 : undefined,
    retentionHours: 24,
    expiryBasis: azure ? 'created_at' : 'completed_at',
    notes: [
      'Sizes per model and seconds 4/8/12 (default 4, size default 720x1280): OpenAPI VideoSize/VideoSeconds and ruling 9.',
      'Newer guide text mentions 16/20 s and 1080p for sora-2-pro; not in the API schema. Widen with overrides if the service accepts them.',
      'One input image, the first frame; it must match size (checked by the service: sora-kit does not decode images). JPEG/PNG/WebP per the guide.',
      azure
        ? 'Azure: "two video job requests per minute" (AZCON-B); older text says two running jobs, kept as maxConcurrentJobs. Sora 2 Pro "coming later" on Azure. expires_at = created_at + 24 h (ruling 12).'
        : "OpenAI documents no concurrency limit for /videos; maxConcurrentJobs 2 is the emulator's default. expires_at = completed_at + 24 h (ruling 12).",
    ],
  };
}

const SORA2_ALIASES = {
  'sora-2-2025-10-06': 'sora-2',
  'sora-2-2025-12-08': 'sora-2',
  'sora-2-pro-2025-10-06': 'sora-2-pro',
} as const;

function sora2Backend(backend: 'openai-sora2' | 'azure-sora2'): BackendCapabilities {
  return {
    defaultModel: 'sora-2',
    models: { 'sora-2': sora2(backend, 'sora-2'), 'sora-2-pro': sora2(backend, 'sora-2-pro') },
    aliases: SORA2_ALIASES,
  };
}

/**
 * What each backend and model accepts, as documented (contracts.md 2.5, 3 and the rulings in 6).
 * Read it, render it, or widen it per call with `resolveCapabilities(..., { overrides })`.
 * @example
 * DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2-pro']?.sizes; // ['720x1280', '1280x720', '1024x1792', '1792x1024']
 */
export const DEFAULT_CAPABILITIES: CapabilityTable = deepFreeze({
  'azure-sora1': { defaultModel: 'sora', models: { sora: sora1 }, aliases: {} },
  'azure-sora2': sora2Backend('azure-sora2'),
  'openai-sora2': sora2Backend('openai-sora2'),
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
