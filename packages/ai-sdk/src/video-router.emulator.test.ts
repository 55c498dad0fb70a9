import { MockVideoModelV4 } from 'ai/test';
import { createVideoClient, createVideoRouter } from 'sora-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromAiSdkVideoModel } from './from-ai-sdk-video-model.js';
import { type EmulatorBackends, startEmulatorBackends } from './test-support/emulator-backends.js';
import { probeVideo, testMp4 } from './test-support/probe-video.js';

// Sora backends on the emulator (real HTTP) and an AI SDK model (the AI SDK's own mock) in one router.
const response = { timestamp: new Date(0), modelId: 'veo-3.1-generate-preview', headers: undefined };

function veoMock(mp4: Uint8Array) {
  const started: string[] = [];
  const model = new MockVideoModelV4({
    provider: 'google.generative-ai',
    modelId: 'veo-3.1-generate-preview',
    maxVideosPerCall: 4,
    doStart: async (options) => {
      started.push(`${options.resolution} ${options.duration}s`);
      return {
        operation: { operationName: `models/veo/operations/${started.length}` },
        warnings: [],
        response,
      };
    },
    doStatus: async () => ({
      status: 'completed',
      videos: [{ type: 'binary', data: mp4, mediaType: 'video/mp4' }],
      warnings: [],
      response,
    }),
  });
  return { model, started };
}

describe('createVideoRouter over Sora backends and AI SDK models', () => {
  let env: EmulatorBackends;
  let mp4: Uint8Array;
  beforeEach(async () => {
    env = await startEmulatorBackends();
    mp4 ??= testMp4('1920x1080', 1);
  });
  afterEach(async () => {
    await env.close();
  });

  it('routes by capability: 1080p 8 s with audio to Veo, 1280x720 4 s to Sora 2 first', async () => {
    const sora2 = createVideoClient(env.options('openai-sora2'));
    const { model, started } = veoMock(mp4);
    const veo = createVideoClient({
      provider: fromAiSdkVideoModel(model),
      clock: env.clock,
      delay: env.delay,
    });
    const router = createVideoRouter([sora2, veo]);
    expect(
      router.candidates({ prompt: 'p', size: '1920x1080', seconds: 8 }, ['audio']).map((c) => c.backend),
    ).toEqual(['google.generative-ai:veo-3.1-generate-preview']);
    const wide = await router.generate(
      { prompt: 'a fox', size: '1920x1080', seconds: 8 },
      { require: ['audio'] },
    );
    expect(wide.backend).toBe('google.generative-ai:veo-3.1-generate-preview');
    expect(started).toEqual(['1920x1080 8s']);
    const small = await router.generate({ prompt: 'a fox', size: '1280x720', seconds: 4 });
    expect(small.backend).toBe('openai-sora2');
    const bytes = new Uint8Array(await new Response((await router.download(wide)).stream).arrayBuffer());
    expect(probeVideo(bytes)).toMatchObject({ width: 1920, height: 1080 });
  });

  it('falls back past a retired Sora backend to the AI SDK model, and uses free capacity', async () => {
    const sora2 = createVideoClient({ ...env.options('openai-sora2'), maxConcurrentJobs: 1 });
    const { model, started } = veoMock(mp4);
    const veo = createVideoClient({
      provider: fromAiSdkVideoModel(model),
      clock: env.clock,
      delay: env.delay,
    });
    const router = createVideoRouter([sora2, veo]);

    const first = await router.create({ prompt: 'a kite', size: '1280x720', seconds: 4 });
    expect(first.backend).toBe('openai-sora2');
    // Sora 2's only slot is held: the next request goes to the model with a free slot.
    const second = await router.create({ prompt: 'a kite', size: '1280x720', seconds: 4 });
    expect(second.backend).toBe('google.generative-ai:veo-3.1-generate-preview');
    await router.wait(first);

    env.emulator.control.retireModel('sora-2');
    const third = await router.generate({ prompt: 'a boat', size: '1280x720', seconds: 4 });
    expect(third.backend).toBe('google.generative-ai:veo-3.1-generate-preview');
    expect(started).toHaveLength(2);
    // Handles name their backend, so each job is read from the client that owns it.
    expect((await router.get(router.toHandle(third))).status).toBe('completed');
  });
});
