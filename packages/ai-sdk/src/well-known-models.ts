/**
 * Capability defaults of well-known AI SDK video models, so `fromAiSdkVideoModel` needs no
 * declaration for them. Values are from each provider's model documentation; a caller's
 * `capabilities` replace any of them. Listed in docs/ai-sdk.md.
 * @module
 */
import type { AiSdkModelCapabilities } from './ai-sdk-capabilities.js';

/** Google Veo 3 and 3.1 (@ai-sdk/google, @ai-sdk/google-vertex). */
const veo3 = (version: string): AiSdkModelCapabilities => ({
  sizes: ['1280x720', '720x1280', '1920x1080', '1080x1920'],
  seconds: [4, 6, 8],
  defaultSeconds: 8,
  audio: true,
  maxVideosPerCall: 4,
  notes: [
    `Veo ${version}: 16:9 and 9:16, 720p and 1080p, 4, 6 or 8 s, native audio (Google Gemini API video docs).`,
  ],
});

/** Known models by id (matched on the id without a `fal-ai/` prefix, and by prefix for dated ids). */
export const WELL_KNOWN_MODELS: Readonly<Record<string, AiSdkModelCapabilities>> = {
  'veo-3.1': veo3('3.1'),
  'veo-3.0': veo3('3'),
  'veo-2.0': {
    sizes: ['1280x720', '720x1280'],
    seconds: { min: 5, max: 8 },
    audio: false,
    maxVideosPerCall: 4,
    notes: ['Veo 2: 16:9 and 9:16 at 720p, 5..8 s, silent (Google Gemini API video docs).'],
  },
  // fal (@ai-sdk/fal): these models take aspect ratios, not resolutions.
  'luma-dream-machine': {
    sizes: ['1280x720', '720x1280', '1024x1024', '1280x960', '960x1280', '1680x720', '720x1680'],
    seconds: [5, 9],
    sizeParameter: 'aspectRatio',
    maxVideosPerCall: 1,
    notes: [
      'Luma Dream Machine on fal: aspect ratios 16:9, 9:16, 1:1, 4:3, 3:4, 21:9, 9:21 (nominal sizes), 5 or 9 s, silent.',
    ],
  },
  'kling-video': {
    sizes: ['1280x720', '720x1280', '1024x1024'],
    seconds: [5, 10],
    sizeParameter: 'aspectRatio',
    maxVideosPerCall: 1,
    notes: ['Kling on fal: aspect ratios 16:9, 9:16, 1:1 (nominal sizes), 5 or 10 s, silent.'],
  },
};

/** The defaults of a well-known model id, if any. */
export function wellKnownCapabilities(modelId: string): AiSdkModelCapabilities | undefined {
  const id = modelId.replace(/^fal-ai\//u, '').replace(/^models\//u, '');
  const key = Object.keys(WELL_KNOWN_MODELS)
    .sort((a, b) => b.length - a.length)
    .find(
      (candidate) => id === candidate || id.startsWith(`${candidate}-`) || id.startsWith(`${candidate}/`),
    );
  return key === undefined ? undefined : WELL_KNOWN_MODELS[key];
}
