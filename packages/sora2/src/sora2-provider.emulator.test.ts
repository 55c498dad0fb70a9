import { NotFoundError, QuotaExceededError, ValidationError, VideoApiError } from '@sora-kit/core';
import { createEmulator, type Emulator, type EmulatorServer } from '@sora-kit/emulator';
import OpenAI, { AzureOpenAI } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { azureBaseURL } from './azure-base-url.js';
import { mapSora2Error } from './map-sora2-error.js';
import { createAzureSora2Provider, createOpenAISora2Provider, Sora2Provider } from './sora2-provider.js';

describe('Sora2Provider against the emulator', () => {
  let emulator: Emulator;
  let server: EmulatorServer;
  const seen: { method: string; url: URL; headers: Headers; status: number }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url.startsWith('data:')) return fetch(request);
    const response = await fetch(request);
    seen.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      status: response.status,
    });
    return response;
  };
  const openai = () =>
    createOpenAISora2Provider({ apiKey: 'sk-1', baseURL: `${server.url}/v1`, fetch: recordingFetch });

  /** The next request to `route` answers OpenAI's 429 `rate_limit_exceeded` with `retry-after-ms`. */
  const rateLimitNext = (route: string, retryAfterMs: number) =>
    emulator.control.injectRouteFault({
      route,
      count: 1,
      status: 429,
      headers: { 'retry-after-ms': String(retryAfterMs) },
      body: {
        error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded', param: null },
      },
    });

  beforeEach(async () => {
    emulator = createEmulator({ clock: 'manual', seed: 3, logLevel: 'silent' });
    server = await emulator.listen(0);
    seen.length = 0;
  });
  afterEach(async () => {
    await server.close();
  });

  it('OpenAI host: Bearer key, seconds as a string, poll hint, streamed variants', async () => {
    const sora2 = openai();
    const created = await sora2.create({
      prompt: 'a red balloon',
      size: { width: 1280, height: 720 },
      seconds: 8,
    });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-1');
    expect(created.job).toMatchObject({ status: 'queued', width: 1280, height: 720, seconds: 8 });
    expect(created.hint?.pollAfterMs).toBeGreaterThan(0);
    emulator.clock.advance(3_600_000);
    const done = (await sora2.get(created.job.id)).job;
    expect(done.status).toBe('completed');
    for (const [variant, type] of [
      ['video', 'video/mp4'],
      ['thumbnail', 'image/webp'],
      ['spritesheet', 'image/jpeg'],
    ] as const) {
      const download = await sora2.download(done.id, { variant });
      const bytes = new Uint8Array(await new Response(download.stream).arrayBuffer());
      expect(download.contentType).toBe(type);
      expect(bytes.byteLength).toBeGreaterThan(100);
      expect(seen.at(-1)?.url.searchParams.get('variant')).toBe(variant);
    }
  });

  it('Azure host: api-key header and no Authorization, deployment as model, optional api-version', async () => {
    const sora2 = createAzureSora2Provider({
      endpoint: `${server.url}/`,
      deployment: 'sora-2',
      apiKey: 'azure-key',
      apiVersion: 'preview',
      fetch: recordingFetch,
    });
    const { job } = await sora2.create({ prompt: 'a red balloon', size: '720x1280', seconds: 4 });
    expect(job.model).toBe('sora-2');
    expect(seen[0]?.url.pathname).toBe('/openai/v1/videos');
    expect(seen[0]?.url.searchParams.get('api-version')).toBe('preview');
    expect(seen[0]?.headers.get('api-key')).toBe('azure-key');
    expect(seen[0]?.headers.get('authorization')).toBeNull();
    expect(emulator.control.jobs()[0]?.record.partition).toBe('azure:azure-key');
    expect(() => createAzureSora2Provider({ endpoint: server.url, deployment: 'sora-2' })).toThrow(
      ValidationError,
    );
  });

  it('turns error answers into core errors and never retries on its own', async () => {
    const sora2 = openai();
    await expect(sora2.get('video_missing')).rejects.toSatisfy(NotFoundError.isInstance);

    emulator.control.injectRouteFault({ route: 'GET /v1/videos/*', count: 1, status: 503 });
    const unavailable = await sora2.get('video_x').catch((e) => e);
    expect(VideoApiError.isInstance(unavailable)).toBe(true);
    expect(unavailable).toMatchObject({ status: 503, isRetryable: true });
    expect(seen.filter((request) => request.status === 503)).toHaveLength(1);

    rateLimitNext('POST /v1/videos', 1500);
    const limited = await sora2.create({ prompt: 'p' }).catch((e) => e);
    expect(QuotaExceededError.isInstance(limited)).toBe(true);
    expect(limited).toMatchObject({ reason: 'rate', retryAfterMs: 1500, code: 'rate_limit_exceeded' });

    emulator.control.injectRouteFault({
      route: 'POST /v1/videos',
      count: 1,
      status: 400,
      body: { code: 'flat_code', message: 'a flat envelope', param: 'size', type: 'invalid_request_error' },
    });
    const flat = await sora2.create({ prompt: 'p' }).catch((e) => e);
    expect(flat).toMatchObject({ status: 400, code: 'flat_code', param: 'size', message: 'a flat envelope' });

    await server.close();
    const offline = await sora2.get('video_x').catch((e) => e);
    expect(offline).toMatchObject({ status: 0, isRetryable: true, code: 'network_error' });
    server = await emulator.listen(0);
  });

  it('an aborted call rejects with the signal reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(openai().get('video_x', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('lists pages through the cursor, remixes and deletes', async () => {
    const sora2 = openai();
    const first = (await sora2.create({ prompt: 'first', size: '720x1280', seconds: 4 })).job;
    emulator.clock.advance(3_600_000);
    const remix = (await sora2.remix(first.id, { prompt: 'at night' })).job;
    expect(remix.remixedFromId).toBe(first.id);
    const page = await sora2.list({ limit: 1 });
    expect(page.jobs).toHaveLength(1);
    const next = await sora2.list({ limit: 1, cursor: page.nextCursor! });
    expect([...page.jobs, ...next.jobs].map((job) => job.id).sort()).toEqual([first.id, remix.id].sort());
    await sora2.delete(first.id);
    await expect(sora2.get(first.id)).rejects.toSatisfy(NotFoundError.isInstance);
  });

  it('azureBaseURL normalises endpoints', () => {
    for (const endpoint of [
      'https://r.openai.azure.com',
      'https://r.openai.azure.com/',
      'https://r.openai.azure.com/openai/v1/',
    ]) {
      expect(azureBaseURL(endpoint)).toBe('https://r.openai.azure.com/openai/v1/');
    }
    expect(() => azureBaseURL('r.openai.azure.com')).toThrow(ValidationError);
  });
  it('sends organization, project, extra headers and the Idempotency-Key; creates are multipart as the SDK sends them', async () => {
    const sora2 = createOpenAISora2Provider({
      apiKey: 'sk-1',
      baseURL: `${server.url}/v1/`,
      organization: 'org-1',
      project: 'proj-1',
      headers: { 'x-trace': 't-1' },
      fetch: recordingFetch,
    });
    const created = await sora2.create({ prompt: 'a red balloon', seconds: 4 }, { idempotencyKey: 'key-1' });
    const again = await sora2.create({ prompt: 'a red balloon', seconds: 4 }, { idempotencyKey: 'key-1' });
    expect(again.job.id).toBe(created.job.id);
    expect(emulator.control.jobs()).toHaveLength(1);
    const sent = seen[0]!;
    expect(sent.url.pathname).toBe('/v1/videos');
    expect(sent.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.headers.get('idempotency-key')).toBe('key-1');
    expect(sent.headers.get('openai-organization')).toBe('org-1');
    expect(sent.headers.get('openai-project')).toBe('proj-1');
    expect(sent.headers.get('x-trace')).toBe('t-1');
    await sora2.get(created.job.id);
    expect(seen.at(-1)?.headers.get('idempotency-key')).toBeNull();
  });

  it('a request past timeoutMs fails as a retryable timeout naming the URL; a dropped connection as a network error', async () => {
    const sora2 = createOpenAISora2Provider({ apiKey: 'sk-1', baseURL: `${server.url}/v1`, timeoutMs: 100 });
    emulator.control.addLatency({ latencyMs: 1000, route: 'GET /v1/videos/*', count: 1 });
    const late = await sora2.get('video_x').catch((e) => e);
    expect(VideoApiError.isInstance(late)).toBe(true);
    expect(late).toMatchObject({ status: 0, code: 'timeout', isRetryable: true, backend: 'openai-sora2' });
    expect(late.message).toContain(`network error calling openai-sora2 at ${server.url}/v1/videos/video_x`);

    emulator.control.addLatency({ latencyMs: 0, route: 'GET /v1/videos/*', count: 1, drop: true });
    const dropped = await openai()
      .get('video_x')
      .catch((e) => e);
    expect(dropped).toMatchObject({ status: 0, code: 'network_error', isRetryable: true });
  });

  it('an abort during a slow call rejects with the signal reason, not a timeout', async () => {
    emulator.control.addLatency({ latencyMs: 1000, route: 'GET /v1/videos/*', count: 1 });
    const controller = new AbortController();
    const reason = new Error('stop now');
    const pending = openai().get('video_x', { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
  });

  it('mapSora2Error maps what the openai SDK throws (for code that calls the SDK itself)', async () => {
    const sdk = new OpenAI({ apiKey: 'sk-1', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const context = { backend: 'openai-sora2' as const, url: sdk.baseURL };
    const missing = await sdk.videos.retrieve('video_missing').catch((e) => mapSora2Error(e, context));
    expect(NotFoundError.isInstance(missing)).toBe(true);

    rateLimitNext('GET /v1/videos/*', 700);
    const limited = await sdk.videos.retrieve('video_x').catch((e) => mapSora2Error(e, context));
    expect(QuotaExceededError.isInstance(limited)).toBe(true);
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 700, code: 'rate_limit_exceeded' });

    const slow = new OpenAI({ apiKey: 'sk-1', baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 100 });
    emulator.control.addLatency({ latencyMs: 1000, route: 'GET /v1/videos/*', count: 1 });
    const late = await slow.videos.retrieve('video_x').catch((e) => mapSora2Error(e, context));
    expect(late).toMatchObject({ status: 0, code: 'timeout', isRetryable: true });

    await server.close();
    const offline = await sdk.videos.retrieve('video_x').catch((e) => mapSora2Error(e, context));
    expect(offline).toMatchObject({ status: 0, code: 'network_error', isRetryable: true, url: sdk.baseURL });
    server = await emulator.listen(0);

    const plain = new Error('not from the SDK');
    expect(mapSora2Error(plain, context)).toBe(plain);
  });
  it('sends every request through an openai SDK client given to the constructor (OpenAI and AzureOpenAI)', async () => {
    const sdk = new OpenAI({
      apiKey: 'sk-sdk',
      baseURL: `${server.url}/v1`,
      maxRetries: 0,
      fetch: recordingFetch,
    });
    const sora2 = new Sora2Provider('openai-sora2', sdk, 'sora-2');
    expect(sora2.client).toBe(sdk);
    expect(sora2.baseURL).toBe(`${server.url}/v1`);
    const created = await sora2.create(
      { prompt: 'a red balloon', size: '1280x720', seconds: 4 },
      { idempotencyKey: 'key-sdk' },
    );
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-sdk');
    expect(seen[0]?.headers.get('idempotency-key')).toBe('key-sdk');
    expect(created.job).toMatchObject({ status: 'queued', model: 'sora-2', width: 1280, seconds: 4 });
    expect(created.hint?.pollAfterMs).toBeGreaterThan(0);
    emulator.clock.advance(3_600_000);
    expect((await sora2.get(created.job.id)).job.status).toBe('completed');
    const thumbnail = await sora2.download(created.job.id, { variant: 'thumbnail' });
    expect(thumbnail.contentType).toBe('image/webp');
    expect((await new Response(thumbnail.stream).arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await sora2.list({ limit: 5 })).jobs.map((job) => job.id)).toEqual([created.job.id]);
    await expect(sora2.get('video_missing')).rejects.toSatisfy(NotFoundError.isInstance);
    await sora2.delete(created.job.id);
    await expect(sora2.get(created.job.id)).rejects.toSatisfy(NotFoundError.isInstance);

    const azure = new Sora2Provider(
      'azure-sora2',
      new AzureOpenAI({
        baseURL: `${server.url}/openai/v1`,
        apiKey: 'azure-sdk',
        apiVersion: 'preview',
        maxRetries: 0,
        fetch: recordingFetch,
      }),
      'sora-2',
    );
    const { job } = await azure.create({ prompt: 'a red balloon', size: '720x1280', seconds: 4 });
    expect(job.model).toBe('sora-2');
    expect(seen.at(-1)?.url.pathname).toBe('/openai/v1/videos');
    expect(seen.at(-1)?.headers.get('api-key')).toBe('azure-sdk');
  });
});
