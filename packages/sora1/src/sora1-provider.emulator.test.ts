import {
  createClient,
  JobFailedError,
  NotFoundError,
  QuotaExceededError,
  ValidationError,
  VideoApiError,
} from '@sora-kit/core';
import { createEmulator, type Emulator, type EmulatorServer } from '@sora-kit/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSora1Provider } from './sora1-provider.js';
import type { Sora1ProviderOptions } from './sora1-provider-options.js';

describe('Sora1Provider against the emulator', () => {
  let emulator: Emulator;
  let server: EmulatorServer;
  const seen: { method: string; url: URL; headers: Headers; status: number }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      status: response.status,
    });
    return response;
  };
  const provider = (options: Partial<Sora1ProviderOptions> = {}) =>
    createSora1Provider({
      endpoint: server.url,
      deployment: 'sora',
      apiKey: 'key-1',
      fetch: recordingFetch,
      ...options,
    });

  beforeEach(async () => {
    emulator = createEmulator({ clock: 'manual', seed: 7, logLevel: 'silent', quota: 'none' });
    server = await emulator.listen(0);
    seen.length = 0;
  });
  afterEach(async () => {
    await server.close();
  });

  it('creates (201), polls and downloads the video and thumbnail of each variant', async () => {
    const sora1 = provider({ endpoint: `${server.url}/openai/v1/` });
    const { job } = await sora1.create({ prompt: 'two balloons', size: '480x480', seconds: 2, variants: 2 });
    expect(seen[0]).toMatchObject({ method: 'POST', status: 201 });
    expect(seen[0]?.url.pathname).toBe('/openai/v1/video/generations/jobs');
    expect(seen[0]?.url.searchParams.get('api-version')).toBe('preview');
    expect(seen[0]?.headers.get('api-key')).toBe('key-1');
    expect(job).toMatchObject({
      status: 'queued',
      width: 480,
      height: 480,
      seconds: 2,
      variants: 2,
      model: 'sora',
    });

    emulator.clock.advance(3_600_000);
    const done = (await sora1.get(job.id)).job;
    expect(done.status).toBe('completed');
    expect(done.outputs).toHaveLength(2);
    expect(done.expiresAt?.getTime()).toBe((done.completedAt?.getTime() ?? 0) + 86_400_000);

    const second = done.outputs[1]!.id;
    const video = await sora1.download(job.id, { outputId: second, quality: 'low' });
    const bytes = new Uint8Array(await new Response(video.stream).arrayBuffer());
    expect(video.contentType).toBe('video/mp4');
    expect(video.contentLength).toBe(bytes.byteLength);
    expect(seen.at(-1)?.url.pathname).toBe(`/openai/v1/video/generations/${second}/content/video`);
    expect(seen.at(-1)?.url.searchParams.get('quality')).toBe('low');

    const thumbnail = await sora1.download(job.id, { variant: 'thumbnail' });
    await thumbnail.stream.cancel();
    expect(thumbnail.contentType).toMatch(/^image\//);
    expect(seen.at(-1)?.url.pathname).toBe(
      `/openai/v1/video/generations/${done.outputs[0]!.id}/content/thumbnail`,
    );
    await expect(sora1.download(job.id, { variant: 'spritesheet' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('accepts a 200 create as well as 201', async () => {
    const as200: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      return response.status === 201
        ? new Response(response.body, { status: 200, headers: response.headers })
        : response;
    };
    const { job } = await provider({ fetch: as200 }).create({ prompt: 'p', size: '480x480', seconds: 1 });
    expect(job.id).toMatch(/^task_/);
  });

  it('reads the wrapped and the flat error envelopes into the core errors', async () => {
    const sora1 = provider();
    const wrapped = await sora1.create({ prompt: 'p', size: '333x333', seconds: 1 }).catch((e) => e);
    expect(VideoApiError.isInstance(wrapped)).toBe(true);
    expect(wrapped.status).toBe(400);
    expect(wrapped.message).not.toBe('HTTP 400');

    emulator.control.injectRouteFault({
      route: 'POST /openai/v1/video/generations/jobs',
      count: 1,
      status: 400,
      body: {
        code: 'invalid_payload',
        message: 'n_variants is too large',
        param: 'n_variants',
        type: 'invalid_request_error',
      },
    });
    const flat = await sora1.create({ prompt: 'p', size: '480x480', seconds: 1 }).catch((e) => e);
    expect(flat).toMatchObject({
      status: 400,
      code: 'invalid_payload',
      param: 'n_variants',
      message: 'n_variants is too large',
    });
    expect(flat.isRetryable).toBe(false);

    await expect(sora1.get('task_missing')).rejects.toSatisfy(NotFoundError.isInstance);
    emulator.control.injectRouteFault({
      route: 'POST /openai/v1/video/generations/jobs',
      count: 1,
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { code: 'too_many_requests', message: 'Too many running tasks' } },
    });
    const quota = await sora1.create({ prompt: 'p', size: '480x480', seconds: 1 }).catch((e) => e);
    expect(QuotaExceededError.isInstance(quota)).toBe(true);
    expect(quota).toMatchObject({ reason: 'concurrency', retryAfterMs: 3000 });
  });

  it('a network failure is a retryable VideoApiError with status 0', async () => {
    const sora1 = provider();
    await server.close();
    const error = await sora1.get('task_1').catch((e) => e);
    expect(VideoApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 0, isRetryable: true, code: 'network_error' });
    server = await emulator.listen(0);
  });

  it('a moderated prompt ends as a JobFailedError with moderation set', async () => {
    emulator.control.setModerationWords(['forbidden']);
    const client = createClient(provider(), { poll: { intervalMs: 1 } });
    const { id } = await client.create({ prompt: 'a forbidden scene', size: '480x480', seconds: 1 });
    emulator.clock.advance(3_600_000);
    const error = await client.wait(id).catch((e) => e);
    expect(JobFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ moderation: true, jobId: id });
  });

  it('lists every page, and delete cancels an unfinished job', async () => {
    const sora1 = provider();
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push((await sora1.create({ prompt: `job ${index}`, size: '480x480', seconds: 1 })).job.id);
      emulator.clock.advance(1000);
    }
    const first = await sora1.list({ limit: 2 });
    expect(first.jobs).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = await sora1.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.jobs, ...second.jobs].map((job) => job.id).sort()).toEqual([...ids].sort());
    expect(second.nextCursor).toBeUndefined();

    const { job } = await sora1.create({ prompt: 'to cancel', size: '1920x1080', seconds: 20 });
    await sora1.cancel(job.id);
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
    expect((await sora1.get(job.id)).job.status).toBe('cancelled');
  });

  it('sends an Entra token as Authorization: Bearer, and refuses ambiguous auth', async () => {
    const sora1 = provider({ apiKey: undefined, tokenProvider: async () => 'entra-1' });
    await sora1.create({ prompt: 'p', size: '480x480', seconds: 1 });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer entra-1');
    expect(seen[0]?.headers.get('api-key')).toBeNull();
    expect(() => provider({ tokenProvider: async () => 'x' })).toThrow(ValidationError);
    expect(() => provider({ apiKey: undefined })).toThrow(ValidationError);
  });
});
