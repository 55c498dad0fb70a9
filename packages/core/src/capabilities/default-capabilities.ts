/**
 * The capability table, from shared/reference/contracts.md sections 2.5, 3 and 6 (rulings).
 * @module
 */
import type {
  BackendCapabilities,
  Capabilities,
  CapabilityTable,
  CharacterRules,
  ExtensionRules,
  SizeString,
} from './capabilities.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Extensions: 4..20 s each (NODE VideoExtendParams.seconds), six at most, 120 s in all (GUIDE). */
const EXTENSION: ExtensionRules = { seconds: [4, 8, 12, 16, 20], maxExtensions: 6, maxTotalSeconds: 120 };

/** Characters: two per video (GUIDE), names 1..80 (OAS CreateVideoCharacterBody), MP4 clips. */
const CHARACTER: CharacterRules = {
  maxPerVideo: 2,
  nameLength: { min: 1, max: 80 },
  clipMediaTypes: ['video/mp4'],
};

/** The extension rules of a backend without extensions (never checked). */
export const NO_EXTENSION: ExtensionRules = Object.freeze({
  seconds: [],
  maxExtensions: 0,
  maxTotalSeconds: 0,
});
/** The character rules of a backend without characters (never checked). */
export const NO_CHARACTER: CharacterRules = Object.freeze({
  maxPerVideo: 0,
  nameLength: { min: 1, max: 80 },
  clipMediaTypes: [],
});

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
  edit: false,
  extend: false,
  extension: NO_EXTENSION,
  characters: false,
  character: NO_CHARACTER,
  cancel: true,
  webhooks: false,
  maxConcurrentJobs: 2,
  createRequestsPerMinute: undefined,
  retentionHours: 24,
  expiryBasis: 'finished_at',
  sources: {
    sizes: 'AZCON-A/B "Sora 1 Technical limitations"',
    defaultSize: "sora-kit's choice (the service requires width and height)",
    seconds: 'AZCON-A/B ("between 1 and 20 seconds"); AZSPEC n_seconds',
    defaultSeconds: 'AZSPEC n_seconds default 5',
    maxSecondsBySize: 'none enforced (PYRIT, third-party: 1080p <= 10 s)',
    variants: 'AZCON-A/B; ruling 4',
    prompt: 'AZSPEC (required; no length documented)',
    inputs: 'AZCON-A/B (2 images or 1 video <= 5 s); ruling 5',
    audio: 'AZCON-A ("Not supported")',
    remix: 'AZSPEC (no remix operation)',
    edit: 'AZSPEC (no edit operation)',
    extend: 'AZSPEC (no extension operation)',
    extension: 'not applicable',
    characters: 'AZSPEC (no character operation)',
    character: 'not applicable',
    cancel: 'AZSPEC DELETE job (cancels); ruling 13',
    webhooks: 'none documented',
    maxConcurrentJobs: 'AZCON-A/B ("two video creation jobs running at the same time")',
    createRequestsPerMinute: 'none documented',
    retentionHours: 'AZCON-A/B ("available for up to 24 hours")',
    expiryBasis: 'TH (observed finished_at + 86400); ruling 12',
  },
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
  const azure = backend === 'azure-sora2';
  // The guide's newer limits (16/20 s, 1080p) are for sora-2-pro on OpenAI; Azure documents 4/8/12 only.
  const pro = model === 'sora-2-pro';
  const guidePro = pro && !azure;
  const sizes: SizeString[] = ['720x1280', '1280x720'];
  if (pro) sizes.push('1024x1792', '1792x1024');
  if (guidePro) sizes.push('1920x1080', '1080x1920');
  return {
    backend,
    model,
    sizes,
    defaultSize: '720x1280',
    seconds: guidePro ? [4, 8, 12, 16, 20] : [4, 8, 12],
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
    edit: !azure,
    extend: !azure,
    extension: azure ? NO_EXTENSION : EXTENSION,
    characters: !azure,
    character: azure ? NO_CHARACTER : CHARACTER,
    cancel: false,
    webhooks: !azure,
    maxConcurrentJobs: 2,
    createRequestsPerMinute: azure ? 2 : undefined,
    retentionHours: 24,
    expiryBasis: azure ? 'created_at' : 'completed_at',
    sources: {
      sizes: guidePro
        ? 'OAS VideoSize + GUIDE (1920x1080/1080x1920 for sora-2-pro); ruling 9'
        : pro
          ? azure
            ? 'OAS VideoSize; AZCON-B lists 720x1280/1280x720 only and Sora 2 Pro "coming later"; ruling 9'
            : 'OAS VideoSize; ruling 9'
          : azure
            ? 'AZCON-B (720x1280, 1280x720); ruling 9'
            : 'PYRIT (sora-2: 720x1280, 1280x720); ruling 9',
      defaultSize: 'OAS VideoSize default 720x1280',
      seconds: guidePro
        ? 'OAS VideoSeconds + GUIDE (16 and 20 s for sora-2-pro); ruling 9'
        : azure
          ? 'AZCON-B (4 / 8 / 12); ruling 9'
          : 'OAS VideoSeconds (4, 8, 12); ruling 9',
      defaultSeconds: 'OAS VideoSeconds default 4',
      maxSecondsBySize: 'none documented',
      variants: 'OAS (one video per job)',
      prompt: 'OAS CreateVideoBody.prompt (1..32000)',
      inputs: 'OAS input_reference; GUIDE (first frame, must match size, JPEG/PNG/WebP)',
      audio: 'GUIDE (videos have sound)',
      remix: 'OAS CreateVideoRemix; AZCON-B',
      edit: azure
        ? 'not in AZCON-B or AZSPEC (Azure documents create/get/list/delete/content/remix)'
        : 'OAS CreateVideoEdit; NODE videos.edit',
      extend: azure ? 'not in AZCON-B or AZSPEC' : 'OAS CreateVideoExtend; NODE videos.extend',
      extension: azure
        ? 'not applicable'
        : 'NODE VideoExtendParams.seconds (4, 8, 12, 16, 20); GUIDE (six extensions, 120 s in all)',
      characters: azure
        ? 'not in AZCON-B or AZSPEC'
        : 'OAS CreateVideoCharacter/GetVideoCharacter; NODE videos.createCharacter/getCharacter',
      character: azure
        ? 'not applicable'
        : 'OAS CreateVideoCharacterBody.name (1..80); GUIDE (two characters per video)',
      cancel: 'OAS (no cancel operation)',
      webhooks: azure ? 'none documented for Azure' : 'GUIDE (video.completed / video.failed)',
      maxConcurrentJobs: azure
        ? 'AZCON-A ("two video creation jobs running at the same time")'
        : "none documented; the emulator's default",
      createRequestsPerMinute: azure ? 'AZCON-B ("two video job requests per minute")' : 'none documented',
      retentionHours: azure
        ? 'AZCON-B ("available for up to 24 hours")'
        : 'examples (expires_at = completed_at + 86400)',
      expiryBasis: 'ruling 12',
    },
    notes: [
      guidePro
        ? 'Sizes and seconds for sora-2-pro: the API schema (4/8/12 s, four sizes) plus the guide (16/20 s, 1920x1080/1080x1920); the SDK types lag.'
        : 'Sizes per model and seconds 4/8/12 (default 4, size default 720x1280): OpenAPI VideoSize/VideoSeconds and ruling 9.',
      azure
        ? 'Edits, extensions and characters: Microsoft documents none of them for Azure; refused before sending.'
        : 'Edits and extensions need a completed source; an extension adds 4..20 s, at most six per video and 120 s in all; at most two characters per video (GUIDE).',
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
