import { type SoraBackendId, ValidationError } from '@sora-kit/core';
import {
  experimental_generateVideo as generateVideo,
  experimental_getVideoStatus as getVideoStatus,
  experimental_startVideo as startVideo,
} from 'ai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSoraKit } from './create-sora-kit.js';
import { type EmulatorBackends, startEmulatorBackends } from './test-support/emulator-backends.js';
import { probeVideo, solidPng } from './test-support/probe-video.js';

// The SDK's own console logging of warnings; the tests read them from the results.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const BACKENDS: SoraBackendId[] = ['openai-sora2', 'azure-sora2', 'azure-sora1'];
const hasAudio = (backend: SoraBackendId) => backend !== 'azure-sora1';

describe.each(BACKENDS)('createSoraKit on %s: the AI SDK drives the emulator over HTTP', (backend) => {
  let env: EmulatorBackends;
  beforeEach(async () => {
    env = await startEmulatorBackends();
  });
  afterEach(async () => {
    await env.close();
  });

  it('experimental_generateVideo (doGenerate) makes a real 16:9 MP4 of the asked duration', async () => {
    const soraKit = createSoraKit(env.options(backend));
    const { video, warnings, providerMetadata } = await generateVideo({
      model: soraKit.video(),
      prompt: 'a red fox trotting through snow',
      aspectRatio: '16:9',
      duration: 4,
    });
    expect(video.mediaType).toBe('video/mp4');
    expect(probeVideo(video.uint8Array)).toMatchObject({
      width: 1280,
      height: 720,
      codec: 'h264',
      audio: hasAudio(backend),
    });
    expect(probeVideo(video.uint8Array).duration).toBeCloseTo(4, 0);
    expect(warnings).toEqual([]);
    expect((providerMetadata.soraKit as { handle: string }).handle).toMatch(
      new RegExp(`^sora-kit:v1:${backend}:`),
    );
  });

  it('experimental_generateVideo with poll (doStart + doStatus) and the warnings of what the backend cannot do', async () => {
    const soraKit = createSoraKit(env.options(backend));
    const result = await generateVideo({
      model: soraKit.video(),
      prompt: 'a paper boat on a pond',
      resolution: '720x1280',
      duration: 5,
      seed: 42,
      generateAudio: false,
      providerOptions: { soraKit: { colour: 'blue' } },
      poll: { intervalMs: 2000, delay: (ms) => env.delay(ms) },
    });
    const probe = probeVideo(result.video.uint8Array);
    expect(probe).toMatchObject({ width: 720, height: 1280, audio: hasAudio(backend) });
    const features = result.warnings.map((warning) =>
      'feature' in warning ? warning.feature : warning.type,
    );
    expect(features).toContain('seed');
    expect(features).toContain('providerOptions.soraKit.colour');
    if (hasAudio(backend)) {
      // Sora 2 allows 4, 8, 12 s: 5 s becomes 4 s with a warning, and it always has audio.
      expect(features).toContain('duration');
      expect(features).toContain('generateAudio');
      expect(probe.duration).toBeCloseTo(4, 0);
    } else {
      expect(features).not.toContain('duration');
      expect(probe.duration).toBeCloseTo(5, 0);
    }
  });

  it('experimental_startVideo returns a JSON operation that a new client resumes with experimental_getVideoStatus', async () => {
    const first = createSoraKit(env.options(backend));
    const started = await startVideo({ model: first.video(), prompt: 'a lighthouse at night', duration: 4 });
    const persisted = JSON.stringify(started.operation);
    expect(JSON.parse(persisted)).toMatchObject({
      soraKit: 1,
      handle: expect.stringMatching(/^sora-kit:v1:/),
    });

    const second = createSoraKit(env.options(backend));
    const model = second.video();
    const pending = await getVideoStatus(model, { operation: JSON.parse(persisted) });
    expect(pending.status).toBe('pending');
    env.emulator.control.advanceClock(10 * 60_000);
    const done = await getVideoStatus(model, { operation: JSON.parse(persisted) });
    if (done.status !== 'completed') throw new Error(`expected completed, got ${done.status}`);
    const [video] = done.videos;
    if (video?.type !== 'binary') throw new Error('expected the video bytes');
    expect(probeVideo(video.data)).toMatchObject({ audio: hasAudio(backend) });
  });

  it('refuses a size no allowed one fits before sending anything, naming the allowed sizes', async () => {
    const soraKit = createSoraKit(env.options(backend));
    const error = await generateVideo({ model: soraKit.video(), prompt: 'x', aspectRatio: '21:9' }).catch(
      (caught: unknown) => caught,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('aspectRatio');
    expect((error as ValidationError).message).toMatch(
      /21:9 has no allowed size on .*; allowed sizes: .*1280x720 \(16:9\)/,
    );
    const tooLong = await generateVideo({ model: soraKit.video(), prompt: 'x', duration: 60 }).catch(
      (caught: unknown) => caught,
    );
    expect((tooLong as ValidationError).field).toBe('duration');
    expect(env.emulator.control.jobs()).toEqual([]);
  });

  it('reports a failed job as the status error, with the service message', async () => {
    env.emulator.control.failJobs({ progress: 10, code: 'internal_error', message: 'render farm on fire' });
    const soraKit = createSoraKit(env.options(backend));
    const started = await startVideo({ model: soraKit.video(), prompt: 'a kite', duration: 4 });
    env.emulator.control.advanceClock(10 * 60_000);
    const status = await getVideoStatus(soraKit.video(), { operation: started.operation });
    // Sora 1 reports only the failure code (failure_reason); Sora 2 the code and the message.
    expect(status).toMatchObject({
      status: 'error',
      error: expect.stringContaining(
        hasAudio(backend) ? 'internal_error: render farm on fire' : 'internal_error',
      ),
    });
  });
});

describe('createSoraKit specifics', () => {
  let env: EmulatorBackends;
  beforeEach(async () => {
    env = await startEmulatorBackends();
  });
  afterEach(async () => {
    await env.close();
  });

  it('Sora 1: n maps to variants in one call (maxVideosPerCall from the capability table)', async () => {
    const soraKit = createSoraKit(env.options('azure-sora1'));
    const model = soraKit.video();
    expect(model.maxVideosPerCall).toBe(4);
    const { videos, responses } = await generateVideo({
      model,
      prompt: 'three balloons',
      resolution: '854x480',
      duration: 2,
      n: 3,
    });
    expect(responses).toHaveLength(1);
    expect(videos).toHaveLength(3);
    for (const video of videos)
      expect(probeVideo(video.uint8Array)).toMatchObject({ width: 854, height: 480 });
  });

  it('Sora 2: one video per call; n = 2 makes two jobs', async () => {
    const model = createSoraKit(env.options('openai-sora2')).video('sora-2');
    expect(model.maxVideosPerCall).toBe(1);
    const { videos, responses } = await generateVideo({ model, prompt: 'two kites', n: 2, duration: 4 });
    expect(videos).toHaveLength(2);
    expect(responses).toHaveLength(2);
    expect(env.emulator.control.jobs()).toHaveLength(2);
  });

  it('handleWebhookOption only where the backend sends webhooks (Sora 2 on OpenAI)', () => {
    expect(createSoraKit(env.options('openai-sora2')).video().handleWebhookOption).toBeTypeOf('function');
    expect(createSoraKit(env.options('azure-sora2')).video().handleWebhookOption).toBeUndefined();
    expect(createSoraKit(env.options('azure-sora1')).video().handleWebhookOption).toBeUndefined();
  });

  it('an image prompt becomes the Sora 2 input_reference, and a remix goes through providerOptions.soraKit', async () => {
    const soraKit = createSoraKit(env.options('openai-sora2'));
    const png = solidPng('1280x720');
    const first = await startVideo({
      model: soraKit.video(),
      prompt: { image: png, text: 'the pixel grows into a sunrise' },
      resolution: '1280x720',
      duration: 4,
    });
    const [stored] = env.emulator.control.jobs();
    expect(stored?.record.inputs?.[0]).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    env.emulator.control.advanceClock(10 * 60_000);
    const source = (first.operation as { handle: string }).handle;
    const remix = await generateVideo({
      model: soraKit.video(),
      prompt: 'make it night',
      providerOptions: { soraKit: { remixOf: source } },
    });
    expect(probeVideo(remix.video.uint8Array)).toMatchObject({ width: 1280, height: 720 });
    expect(env.emulator.control.jobs().some((job) => job.record.remixedFromId !== undefined)).toBe(true);
  });

  it('Sora 1: frameImages place the first image at frame 0 and the last at the last frame', async () => {
    const soraKit = createSoraKit(env.options('azure-sora1'));
    const png = solidPng('854x480', 'blue');
    const started = await startVideo({
      model: soraKit.video(),
      prompt: 'from blue to blue',
      resolution: '854x480',
      duration: 2,
      frameImages: [
        { image: png, frameType: 'first_frame' },
        { image: png, frameType: 'last_frame' },
      ],
    });
    expect(started.warnings).toEqual([]);
    const [stored] = env.emulator.control.jobs();
    expect(stored?.record.inputs?.map((input) => [input.kind, input.frameIndex])).toEqual([
      ['image', 0],
      ['image', 59],
    ]);
  });

  it('Sora 2: a last frame and a video reference are warnings, not silent drops', async () => {
    const soraKit = createSoraKit(env.options('openai-sora2'));
    const png = solidPng('1280x720');
    const started = await startVideo({
      model: soraKit.video(),
      prompt: 'x',
      resolution: '1280x720',
      duration: 4,
      frameImages: [
        { image: png, frameType: 'first_frame' },
        { image: png, frameType: 'last_frame' },
      ],
    });
    expect(
      started.warnings.map((warning) => ('feature' in warning ? warning.feature : warning.type)),
    ).toEqual(['frameImages.last_frame']);
    const withVideo = await startVideo({
      model: soraKit.video(),
      prompt: 'x',
      duration: 4,
      inputReferences: [{ data: new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]), mediaType: 'video/mp4' }],
    });
    expect(
      withVideo.warnings.map((warning) => ('feature' in warning ? warning.feature : warning.type)),
    ).toEqual(['inputReferences[0]']);
    expect(env.emulator.control.jobs().map((job) => job.record.inputs?.length ?? 0)).toEqual([1, 0]);
  });

  it('refuses a malformed operation with a ValidationError on field operation', async () => {
    const model = createSoraKit(env.options('openai-sora2')).video();
    const error = await model
      .doStatus({ operation: { handle: 'video_1' } })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('operation');
  });
});
