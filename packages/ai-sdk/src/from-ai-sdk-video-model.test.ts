import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APICallError } from '@ai-sdk/provider';
import {
  createClient,
  JobFailedError,
  NotFoundError,
  QuotaExceededError,
  ValidationError,
  VideoApiError,
  type VideoClient,
  type VideoProvider,
} from '@sora-kit/core';
import { createTestClock, type TestClock } from '@sora-kit/core/testing';
import { MockVideoModelV3, MockVideoModelV4 } from 'ai/test';
import { createVideoClient } from 'sora-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VideoModelV4CallOptions } from './ai-sdk-types.js';
import { fromAiSdkVideoModel } from './from-ai-sdk-video-model.js';
import { probeVideo, solidPng, testMp4 } from './test-support/probe-video.js';

// The AI SDK's own test models (ai/test) stand in for a remote video service.
let mp4: Uint8Array;
beforeAll(() => {
  mp4 = testMp4('1280x720', 2);
});

const response = (modelId: string) => ({ timestamp: new Date(0), modelId, headers: undefined });

/** A V4 mock whose jobs are pending for `pendingReads` status reads, then done. */
function startStatusModel(pendingReads = 2) {
  const starts: VideoModelV4CallOptions[] = [];
  const reads = new Map<string, number>();
  const model = new MockVideoModelV4({
    provider: 'mock.video',
    modelId: 'mock-veo',
    maxVideosPerCall: 2,
    doStart: async (options) => {
      starts.push(options);
      return { operation: { task: `t${starts.length}` }, warnings: [], response: response('mock-veo') };
    },
    doStatus: async ({ operation }) => {
      const task = (operation as { task: string }).task;
      const count = (reads.get(task) ?? 0) + 1;
      reads.set(task, count);
      if (count <= pendingReads) return { status: 'pending', response: response('mock-veo') };
      return {
        status: 'completed',
        videos: [{ type: 'binary', data: mp4, mediaType: 'video/mp4' }],
        warnings: [],
        response: response('mock-veo'),
      };
    },
  });
  return { model, starts, reads };
}

const capabilities = {
  sizes: ['1280x720', '720x1280'] as const,
  seconds: [4, 8],
  audio: true,
  maxConcurrentJobs: 1,
};

function clientOf(provider: VideoProvider, clock: TestClock): VideoClient {
  return createClient(provider, { clock, delay: clock.delay, random: () => 0.5 });
}

describe('fromAiSdkVideoModel', () => {
  it('starts with doStart, polls doStatus, and downloadToFile writes the video', async () => {
    const clock = createTestClock();
    const { model, starts } = startStatusModel();
    const provider = fromAiSdkVideoModel(model, {
      capabilities: { ...capabilities, sizes: [...capabilities.sizes] },
      now: clock.now,
    });
    const client = createVideoClient({ provider, clock, delay: clock.delay, random: () => 0.5 });
    expect(client.backend).toBe('mock.video:mock-veo');
    expect(client.gate.limit).toBe(1);

    const job = await clock.run(client.generate({ prompt: 'a red fox', size: '720x1280', seconds: 8 }));
    expect(job).toMatchObject({
      status: 'completed',
      width: 720,
      height: 1280,
      seconds: 8,
      backend: 'mock.video:mock-veo',
    });
    expect(job.outputs).toEqual([{ id: '0', width: 720, height: 1280, seconds: 8, hasAudio: true }]);
    expect(starts[0]).toMatchObject({
      prompt: 'a red fox',
      n: 1,
      aspectRatio: '9:16',
      resolution: '720x1280',
      duration: 8,
      generateAudio: true,
    });

    const dir = await mkdtemp(join(tmpdir(), 'sora-kit-ai-sdk-'));
    const saved = await client.downloadToFile(job, join(dir, 'fox.mp4'));
    expect(saved.bytes).toBe(mp4.byteLength);
    expect(probeVideo(readFileSync(saved.path))).toMatchObject({ width: 1280, height: 720, codec: 'h264' });
  });

  it('makes durable handles: a new provider and client resume the job from the handle alone', async () => {
    const clock = createTestClock();
    const { model } = startStatusModel(1);
    const first = clientOf(
      fromAiSdkVideoModel(model, { capabilities: { sizes: ['1280x720'], seconds: [4] } }),
      clock,
    );
    const created = await clock.run(first.create({ prompt: 'a lighthouse' }));
    const handle = first.toHandle(created);
    expect(handle).toMatch(/^sora-kit:v1:mock\.video%3Amock-veo:op\./);

    const second = clientOf(
      fromAiSdkVideoModel(model, { capabilities: { sizes: ['1280x720'], seconds: [4] } }),
      clock,
    );
    const done = await clock.run(second.wait(handle));
    expect(done.status).toBe('completed');
    const download = await second.download(handle);
    expect(new Uint8Array(await new Response(download.stream).arrayBuffer()).byteLength).toBe(mp4.byteLength);
  });

  it('refuses what the declared capabilities do not allow before calling the model', async () => {
    const clock = createTestClock();
    const { model, starts } = startStatusModel();
    const client = clientOf(
      fromAiSdkVideoModel(model, { capabilities: { sizes: ['1280x720'], seconds: [4, 8] } }),
      clock,
    );
    const error = await clock.run(
      client.create({ prompt: 'x', seconds: 5 }).catch((caught: unknown) => caught),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).message).toMatch(
      /seconds: 5 is not allowed on mock\.video:mock-veo \(mock-veo\); allowed: 4, 8/,
    );
    expect(starts).toHaveLength(0);
    expect(() => fromAiSdkVideoModel(model)).toThrow(
      /capabilities\.sizes: sora-kit knows no defaults for the AI SDK model "mock-veo"/,
    );
  });

  it('passes variants as n up to maxVideosPerCall, and an image input as the start image', async () => {
    const clock = createTestClock();
    const { model, starts } = startStatusModel(0);
    const client = clientOf(
      fromAiSdkVideoModel(model, { capabilities: { sizes: ['1280x720'], seconds: [4] } }),
      clock,
    );
    const png = solidPng('1280x720');
    await clock.run(client.create({ prompt: 'x', variants: 2, inputs: [{ kind: 'image', source: png }] }));
    expect(starts[0]).toMatchObject({ n: 2, image: { type: 'file', mediaType: 'image/png' } });
    expect(client.accepts({ prompt: 'x', variants: 3 })).toBe(false);
  });

  it('upgrades a V3 model: doGenerate runs while the client polls; its jobs live in this process only', async () => {
    const clock = createTestClock();
    let finish!: () => void;
    const model = new MockVideoModelV3({
      provider: 'mock.v3',
      modelId: 'luma-dream-machine',
      doGenerate: async () => {
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        return {
          videos: [{ type: 'base64', data: Buffer.from(mp4).toString('base64'), mediaType: 'video/mp4' }],
          warnings: [],
          response: response('luma-dream-machine'),
        };
      },
    });
    const provider = fromAiSdkVideoModel(model);
    expect(provider.capabilities.models['luma-dream-machine']?.seconds).toEqual([5, 9]);
    const client = clientOf(provider, clock);
    const created = await clock.run(client.create({ prompt: 'a kite', size: '1280x720', seconds: 5 }));
    expect((await clock.run(client.get(created))).status).toBe('in_progress');
    finish();
    const done = await clock.run(client.wait(created));
    expect(done.status).toBe('completed');
    const download = await client.download(done);
    expect(probeVideo(new Uint8Array(await new Response(download.stream).arrayBuffer()))).toMatchObject({
      width: 1280,
    });

    const elsewhere = clientOf(fromAiSdkVideoModel(model), clock);
    const gone = await clock.run(elsewhere.get(client.toHandle(created)).catch((caught: unknown) => caught));
    expect(NotFoundError.isInstance(gone)).toBe(true);
    expect((gone as NotFoundError).message).toMatch(/ran in another process/);
  });

  it('maps the model HTTP errors to sora-kit errors: 429 quota (retried), 500 (not retried on create), a failed generation', async () => {
    const clock = createTestClock();
    const failingWith = (statusCode: number) => {
      const model = new MockVideoModelV4({
        provider: 'mock.video',
        modelId: 'mock-veo',
        doStart: async () => {
          model.calls += 1;
          throw new APICallError({
            message: `HTTP ${statusCode}`,
            url: 'https://video.example/start',
            requestBodyValues: {},
            statusCode,
            responseHeaders: { 'retry-after': '1' },
            responseBody: '{"error":{"message":"try later"}}',
          });
        },
        doStatus: async () => ({ status: 'pending', response: response('mock-veo') }),
      }) as MockVideoModelV4 & { calls: number };
      model.calls = 0;
      return model;
    };
    const limited = failingWith(429);
    const quota = await clock.run(
      clientOf(fromAiSdkVideoModel(limited, { capabilities: { sizes: ['1280x720'], seconds: [4] } }), clock)
        .create({ prompt: 'x' })
        .catch((caught: unknown) => caught),
    );
    expect(QuotaExceededError.isInstance(quota)).toBe(true);
    expect(limited.calls).toBeGreaterThan(1);

    const broken = failingWith(500);
    const serverError = await clock.run(
      clientOf(fromAiSdkVideoModel(broken, { capabilities: { sizes: ['1280x720'], seconds: [4] } }), clock)
        .create({ prompt: 'x' })
        .catch((caught: unknown) => caught),
    );
    expect(VideoApiError.isInstance(serverError)).toBe(true);
    expect((serverError as VideoApiError).status).toBe(500);
    expect((serverError as VideoApiError).message).toBe('try later');
    expect(broken.calls).toBe(1);

    const rejecting = new MockVideoModelV4({
      provider: 'mock.video',
      modelId: 'mock-veo',
      doStart: async () => ({ operation: 'op-1', warnings: [], response: response('mock-veo') }),
      doStatus: async () => ({
        status: 'error',
        error: 'prompt rejected by the safety system',
        response: response('mock-veo'),
      }),
    });
    const client = clientOf(
      fromAiSdkVideoModel(rejecting, { capabilities: { sizes: ['1280x720'], seconds: [4] } }),
      clock,
    );
    const failed = await clock.run(client.generate({ prompt: 'x' }).catch((caught: unknown) => caught));
    expect(JobFailedError.isInstance(failed)).toBe(true);
    expect((failed as JobFailedError).message).toMatch(/prompt rejected by the safety system/);
  });
});
