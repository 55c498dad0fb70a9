import { sora2VideoSchema } from '@sora-kit/core/wire';
import OpenAI, { AzureOpenAI, BadRequestError, NotFoundError, RateLimitError, toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../../emulator.js';
import type { EmulatorOptions } from '../../emulator-options.js';
import { encodeJpeg } from '../../media/image/jpeg.js';
import { probeStreams, tempFile } from '../../test-support/ffmpeg.js';

const KEY = 'sk-sdk-test';
/** Longer than any job of the manual clock's default (realistic) timing. */
const UNTIL_SETTLED_MS = 10 * 60_000;
const jpeg = (width: number, height: number) =>
  encodeJpeg(new Uint8Array(width * height * 4).fill(90), width, height);

interface Probe {
  streams: { codec_type: string; width?: number; height?: number }[];
  format: { duration: string };
}

function ffprobe(bytes: Uint8Array): Probe {
  return probeStreams<Probe>(tempFile(bytes, 'video.mp4'));
}

const servers: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; url: string }> {
  const emulator = createEmulator({ clock: 'manual', seed: 'sdk', apiKey: KEY, ...options });
  const server = await emulator.listen(0);
  servers.push(server);
  return { emulator, url: server.url };
}

const openai = (url: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: KEY, maxRetries: 0 });
const azure = (url: string) =>
  new AzureOpenAI({ baseURL: `${url}/openai/v1`, apiKey: KEY, apiVersion: 'preview', maxRetries: 0 });

describe.each([
  ['OpenAI', openai, 'openai'],
  ['AzureOpenAI', azure, 'azure'],
] as const)(
  'the official openai SDK (%s client) against the emulator over HTTP',
  (_name, makeClient, host) => {
    it('create (with and without input_reference), retrieve, download every variant, remix, delete', async () => {
      const { emulator, url } = await start();
      const client = makeClient(url);
      const withImage = await client.videos.create({
        prompt: 'a red balloon over a lake',
        model: 'sora-2',
        size: '1280x720',
        seconds: '4',
        input_reference: await toFile(jpeg(1280, 720), 'first-frame.jpg', { type: 'image/jpeg' }),
      });
      sora2VideoSchema.parse(withImage);
      expect(withImage).toMatchObject({ status: 'queued', size: '1280x720', seconds: '4', model: 'sora-2' });
      // Both hosts send expires_at: null until the video settles (Azure's queued samples show it).
      expect(withImage.expires_at).toBeNull();
      emulator.clock.advance(20_000);
      expect(await client.videos.retrieve(withImage.id)).toMatchObject({
        status: 'in_progress',
        expires_at: null,
      });
      const plain = await client.videos.create({ prompt: 'a quiet street', model: 'sora-2', seconds: '8' });
      expect(plain.size).toBe('720x1280');
      expect(emulator.engine.getJob(`${host}:${KEY}`, plain.id).job.partition).toBe(`${host}:${KEY}`);

      emulator.clock.advance(UNTIL_SETTLED_MS);
      const done = await client.videos.retrieve(plain.id);
      expect(done.status).toBe('completed');
      expect(done.expires_at).toBe(
        host === 'azure' ? done.created_at + 86400 : (done.completed_at ?? 0) + 86400,
      );

      const mp4 = new Uint8Array(await (await client.videos.downloadContent(plain.id)).arrayBuffer());
      const probe = ffprobe(mp4);
      const video = probe.streams.find((s) => s.codec_type === 'video');
      expect(video).toMatchObject({ width: 720, height: 1280 });
      expect(probe.streams.some((s) => s.codec_type === 'audio')).toBe(true);
      expect(Number(probe.format.duration)).toBeCloseTo(8, 0);
      const thumbnail = await client.videos.downloadContent(plain.id, { variant: 'thumbnail' });
      expect(thumbnail.headers.get('content-type')).toBe('image/webp');
      const sprites = await client.videos.downloadContent(plain.id, { variant: 'spritesheet' });
      expect(sprites.headers.get('content-type')).toBe('image/jpeg');
      expect((await sprites.arrayBuffer()).byteLength).toBeGreaterThan(0);

      const remix = await client.videos.remix(plain.id, { prompt: 'the same street at night' });
      expect(remix).toMatchObject({ remixed_from_video_id: plain.id, seconds: '8', size: '720x1280' });

      const deleted = await client.videos.delete(plain.id);
      expect(deleted).toEqual({ id: plain.id, object: 'video.deleted', deleted: true });
      await expect(client.videos.retrieve(plain.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('the third concurrent create raises RateLimitError with retry headers', async () => {
      const { url } = await start();
      const client = makeClient(url);
      await client.videos.create({ prompt: 'one', model: 'sora-2' });
      await client.videos.create({ prompt: 'two', model: 'sora-2' });
      const error = await client.videos.create({ prompt: 'three', model: 'sora-2' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      const rateLimit = error as RateLimitError;
      expect(Number(rateLimit.headers?.get('retry-after-ms'))).toBeGreaterThan(0);
      expect(rateLimit.requestID).toMatch(/^req_/);
    });

    it('list auto-paginates over three pages', async () => {
      const { url } = await start({ quota: 'none' });
      const client = makeClient(url);
      const created: string[] = [];
      for (let i = 0; i < 5; i++)
        created.push((await client.videos.create({ prompt: `v${i}`, model: 'sora-2' })).id);
      const seen: string[] = [];
      let pages = 0;
      for await (const page of (await client.videos.list({ limit: 2 })).iterPages()) {
        pages++;
        for (const video of page.data) sora2VideoSchema.parse(video);
        expect(page.has_more).toBe(pages < 3);
        seen.push(...page.data.map((v) => v.id));
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...created].reverse());
      const all: string[] = [];
      for await (const video of client.videos.list({ limit: 2, order: 'asc' })) all.push(video.id);
      expect(all).toEqual(created);
    });

    it.each([
      ['prompt', { prompt: '' }],
      ['model', { prompt: 'p', model: host === 'azure' ? 'sora-2' : 'sora-9' }],
      ['size', { prompt: 'p', size: '640x480' }],
      ['seconds', { prompt: 'p', seconds: '5' }],
      ['quality', { prompt: 'p', quality: 'high' }],
    ])('an invalid %s raises BadRequestError with that param', async (param, body) => {
      // Azure: an unknown deployment is a 404 in strict mode (deployments listed).
      const strict = host === 'azure' && param === 'model';
      const { url } = await start(strict ? { deployments: { 'sora-2': 'sora-2' } } : {});
      const client = makeClient(url);
      if (strict) {
        const error = await client.videos
          .create({ prompt: 'p', model: 'nope' as 'sora-2' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NotFoundError);
        return;
      }
      const error = await client.videos
        .create({ model: 'sora-2', ...body } as unknown as OpenAI.VideoCreateParams)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).param).toBe(param);
    });

    it('an input_reference of the wrong size raises BadRequestError', async () => {
      const { url } = await start();
      const error = await makeClient(url)
        .videos.create({
          prompt: 'p',
          model: 'sora-2',
          size: '720x1280',
          input_reference: await toFile(jpeg(1280, 720), 'wrong.jpg', { type: 'image/jpeg' }),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).message).toContain(
        'Inpaint image must match the requested width and height',
      );
    });

    it('expires after 24 h of manual clock', async () => {
      const { emulator, url } = await start();
      const client = makeClient(url);
      const video = await client.videos.create({ prompt: 'p', model: 'sora-2' });
      emulator.clock.advance(UNTIL_SETTLED_MS);
      expect((await client.videos.retrieve(video.id)).status).toBe('completed');
      emulator.clock.advance(24 * 3_600_000);
      await expect(client.videos.retrieve(video.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.videos.downloadContent(video.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  },
);

describe('JSON create over plain fetch', () => {
  it('accepts input_reference as a data URL', async () => {
    const { url } = await start();
    const image = `data:image/jpeg;base64,${Buffer.from(jpeg(720, 1280)).toString('base64')}`;
    const res = await fetch(`${url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'p', input_reference: { image_url: image } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(sora2VideoSchema.parse(await res.json()).size).toBe('720x1280');
  });
});

describe('AzureOpenAI built with `endpoint` (no baseURL): calls /openai/videos?api-version=…', () => {
  it('create (multipart), retrieve, list, downloadContent, delete; same store as /openai/v1', async () => {
    const { emulator, url } = await start();
    const client = new AzureOpenAI({
      endpoint: url,
      apiKey: KEY,
      apiVersion: '2025-04-01-preview',
      maxRetries: 0,
    });
    const v1 = azure(url);
    const video = await client.videos.create({
      prompt: 'a kite over dunes',
      model: 'sora-2',
      size: '1280x720',
      seconds: '4',
      input_reference: await toFile(jpeg(1280, 720), 'first-frame.jpg', { type: 'image/jpeg' }),
    });
    sora2VideoSchema.parse(video);
    expect(video).toMatchObject({ status: 'queued', size: '1280x720', seconds: '4' });
    expect(emulator.engine.getJob(`azure:${KEY}`, video.id).job.partition).toBe(`azure:${KEY}`);
    const viaV1 = await v1.videos.create({ prompt: 'made on the v1 path', model: 'sora-2' });

    emulator.clock.advance(UNTIL_SETTLED_MS);
    expect((await client.videos.retrieve(video.id)).status).toBe('completed');
    expect((await client.videos.retrieve(viaV1.id)).status).toBe('completed');
    expect((await v1.videos.retrieve(video.id)).status).toBe('completed');

    const page = await client.videos.list({ order: 'asc' });
    expect(page.data.map((v) => v.id).sort()).toEqual([video.id, viaV1.id].sort());

    const bytes = new Uint8Array(await (await client.videos.downloadContent(video.id)).arrayBuffer());
    const probe = ffprobe(bytes);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 });

    expect(await client.videos.delete(video.id)).toMatchObject({ id: video.id, deleted: true });
    await expect(v1.videos.retrieve(video.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.videos.retrieve(video.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the endpoint form does not shadow /openai/v1: Sora 1 jobs still answer there', async () => {
    const { url } = await start();
    const res = await fetch(`${url}/openai/v1/video/generations/jobs?api-version=preview`, {
      headers: { 'api-key': KEY },
    });
    expect(res.status).toBe(200);
  });
});

describe('Video.error as the newest SDK reads it (contracts ruling 25), over HTTP with the openai SDK', () => {
  const failFault = (body: Record<string, unknown>, url: string) =>
    fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'job_failure', ...body }),
    });

  it.each([
    ['OpenAI', openai],
    ['AzureOpenAI', azure],
  ] as const)(
    '%s: a failure fault carries type, param and the retry headers; the defaults are server_error and null',
    async (_name, makeClient) => {
      const { emulator, url } = await start();
      const client = makeClient(url);
      const set = await failFault(
        {
          progress: 30,
          code: 'capacity_exceeded',
          message: 'The service is at capacity; try again later.',
          error_type: 'rate_limit_error',
          headers: { 'retry-after': '30', 'retry-after-ms': '30000' },
          match: { prompt_includes: 'busy' },
        },
        url,
      );
      expect(set.status).toBe(200);
      expect(await (await fetch(`${url}/_emulator/faults`)).json()).toMatchObject({
        job_failures: [{ error_type: 'rate_limit_error', headers: { 'retry-after': '30' } }],
      });
      await failFault({ progress: 0, match: { prompt_includes: 'plain' } }, url);

      const busy = await client.videos.create({ prompt: 'a busy harbour', model: 'sora-2' });
      const plain = await client.videos.create({ prompt: 'a plain failure', model: 'sora-2' });
      emulator.clock.advance(UNTIL_SETTLED_MS);
      const fine = await client.videos.create({ prompt: 'a calm sea', model: 'sora-2' });
      emulator.clock.advance(UNTIL_SETTLED_MS);

      const failed = await client.videos.retrieve(busy.id);
      sora2VideoSchema.parse(failed);
      expect(failed.status).toBe('failed');
      expect(failed.error).toEqual({
        code: 'capacity_exceeded',
        message: 'The service is at capacity; try again later.',
        type: 'rate_limit_error',
        param: null,
        headers: { 'retry-after': '30', 'retry-after-ms': '30000' },
      });
      const defaults = await client.videos.retrieve(plain.id);
      expect(defaults.error).toEqual({
        code: 'internal_error',
        message: 'The video generation failed due to an internal error.',
        type: 'server_error',
        param: null,
      });
      // The listing shows the same objects; a completed video has no error.
      const listed = (await client.videos.list({ order: 'asc' })).data;
      expect(listed.find((v) => v.id === busy.id)?.error).toEqual(failed.error);
      expect(listed.find((v) => v.id === fine.id)?.error).toBeNull();
    },
  );

  it('a moderated prompt fails with moderation_blocked, type invalid_request_error, param prompt', async () => {
    const { url } = await start();
    const set = await fetch(`${url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'moderation', words: ['forbidden'] }),
    });
    expect(set.status).toBe(200);
    const client = openai(url);
    const video = await client.videos.create({ prompt: 'a forbidden dance', model: 'sora-2' });
    await fetch(`${url}/_emulator/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: UNTIL_SETTLED_MS }),
    });
    const failed = await client.videos.retrieve(video.id);
    sora2VideoSchema.parse(failed);
    expect(failed.error).toEqual({
      code: 'moderation_blocked',
      message: 'Your request was blocked by our moderation system.',
      type: 'invalid_request_error',
      param: 'prompt',
    });
  });

  it('refuses error headers that are not header tokens or hold CR/LF, naming the field', async () => {
    const { url } = await start();
    for (const headers of [{ 'bad name': '1' }, { 'retry-after': '1\r\nx: y' }]) {
      const res = await failFault({ progress: 0, headers }, url);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('headers');
    }
  });
});
