import {
  type Sora2Video,
  sora2DeletedVideoSchema,
  sora2ErrorResponseSchema,
  sora2VideoListSchema,
  sora2VideoSchema,
} from '@sora-kit/core/wire';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator.js';
import type { EmulatorOptions } from '../../emulator-options.js';

const AUTH = { authorization: 'Bearer sk-life' };
const DAY_MS = 86_400_000;

function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ clock: 'manual', seed: 'life', quota: 'none', ...options });
  const request = (path: string, init: RequestInit = {}) =>
    emulator.app.request(path, {
      ...init,
      headers: { ...AUTH, ...(init.headers as Record<string, string>) },
    });
  const create = async (
    prompt: string,
    extra: Record<string, unknown> = {},
    base = '/v1',
  ): Promise<Sora2Video> => {
    const res = await request(`${base}/videos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt, size: '1280x720', ...extra }),
    });
    expect(res.status).toBe(200);
    return sora2VideoSchema.parse(await res.json());
  };
  const get = (id: string, base = '/v1') => request(`${base}/videos/${id}`);
  /** Moves the clock to the moment the video settles, whatever the timing profile. */
  const settle = (video: Sora2Video, partition = 'openai:sk-life') => {
    const view = emulator.engine.getJob(partition, video.id);
    emulator.clock.advance(Math.max(0, view.settlesAt - emulator.clock.now()));
  };
  return { emulator, request, create, get, settle };
}

async function errorOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  return sora2ErrorResponseSchema.parse(await res.json()).error;
}

describe('status, progress and openai-poll-after-ms', () => {
  it('queued -> in_progress -> completed, with the poll hint only while unfinished', async () => {
    const { emulator, create, get } = setup();
    const video = await create('a red balloon');
    const job = emulator.engine.getJob('openai:sk-life', video.id);
    const queued = await get(video.id);
    expect(Number(queued.headers.get('openai-poll-after-ms'))).toBeGreaterThan(0);
    emulator.clock.advance(job.settlesAt - emulator.clock.now() - 100);
    const running = await get(video.id);
    const runningBody = sora2VideoSchema.parse(await running.json());
    expect(runningBody.status).toBe('in_progress');
    expect(runningBody.progress).toBeGreaterThan(50);
    expect(runningBody.progress).toBeLessThan(100);
    expect(running.headers.get('openai-poll-after-ms')).toBe('100');
    emulator.clock.advance(100);
    const done = await get(video.id);
    const doneBody = sora2VideoSchema.parse(await done.json());
    expect(doneBody).toMatchObject({ status: 'completed', progress: 100, error: null });
    expect(doneBody.completed_at).toBe(Math.floor(job.settlesAt / 1000));
    expect(doneBody.expires_at).toBe((doneBody.completed_at as number) + 86400);
    expect(done.headers.get('openai-poll-after-ms')).toBeNull();
    expect(done.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('unknown ids are 404 in the envelope', async () => {
    const { get, request } = setup();
    expect((await errorOf(await get('video_nope'), 404)).message).toBe(
      "Video with id 'video_nope' not found.",
    );
    await errorOf(await request('/v1/videos/video_nope/content'), 404);
    await errorOf(await request('/v1/videos/video_nope', { method: 'DELETE' }), 404);
    await errorOf(
      await request('/v1/videos/video_nope/remix', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"prompt":"x"}',
      }),
      404,
    );
  });
});

describe('GET /v1/videos', () => {
  it('pages with after/limit/order and the full envelope', async () => {
    const { create, request } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(`video ${i}`)).id);
    const page = async (query: string) => {
      const res = await request(`/v1/videos${query}`);
      expect(res.status).toBe(200);
      return sora2VideoListSchema.parse(await res.json());
    };
    const first = await page('?limit=2');
    expect(first.data.map((v) => v.id)).toEqual([ids[4], ids[3]]);
    expect(first).toMatchObject({ first_id: ids[4], last_id: ids[3], has_more: true });
    const second = await page(`?limit=2&after=${first.last_id}`);
    expect(second.data.map((v) => v.id)).toEqual([ids[2], ids[1]]);
    const third = await page(`?limit=2&after=${second.last_id}`);
    expect(third).toMatchObject({ first_id: ids[0], last_id: ids[0], has_more: false });
    const asc = await page('?order=asc&limit=100');
    expect(asc.data.map((v) => v.id)).toEqual(ids);
    const empty = await page('?limit=0');
    expect(empty).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: true });
  });

  it('refuses bad limit, order and cursors with param set', async () => {
    const { request } = setup();
    expect((await errorOf(await request('/v1/videos?limit=101'), 400)).param).toBe('limit');
    expect((await errorOf(await request('/v1/videos?limit=-1'), 400)).param).toBe('limit');
    expect((await errorOf(await request('/v1/videos?limit=ten'), 400)).param).toBe('limit');
    expect((await errorOf(await request('/v1/videos?order=up'), 400)).param).toBe('order');
    expect((await errorOf(await request('/v1/videos?after=video_x'), 400)).param).toBe('after');
  });
});

describe('DELETE /v1/videos/{id} (ruling 13)', () => {
  it('refuses an unfinished video, deletes a settled one, then 404', async () => {
    const { create, request, settle, get } = setup();
    const video = await create('p');
    const early = await errorOf(await request(`/v1/videos/${video.id}`, { method: 'DELETE' }), 400);
    expect(early.type).toBe('invalid_request_error');
    settle(video);
    const res = await request(`/v1/videos/${video.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(sora2DeletedVideoSchema.parse(await res.json())).toEqual({
      id: video.id,
      object: 'video.deleted',
      deleted: true,
    });
    await errorOf(await get(video.id), 404);
    await errorOf(await request(`/v1/videos/${video.id}/content`), 404);
    await errorOf(await request(`/v1/videos/${video.id}`, { method: 'DELETE' }), 404);
    const list = sora2VideoListSchema.parse(await (await request('/v1/videos')).json());
    expect(list.data).toEqual([]);
  });
});

describe('GET /v1/videos/{id}/content', () => {
  it('404 "not ready" before completion, then every variant with its type and length (a first video streamed)', async () => {
    const { create, request, settle } = setup();
    const video = await create('a lake at dawn', { seconds: '4' });
    const early = await errorOf(await request(`/v1/videos/${video.id}/content`), 404);
    expect(early.message).toBe('Video is not ready yet, use GET /v1/videos/{video_id} to check status.');
    settle(video);
    const expected = { video: 'video/mp4', thumbnail: 'image/webp', spritesheet: 'image/jpeg' } as const;
    for (const [variant, type] of Object.entries(expected)) {
      const res = await request(`/v1/videos/${video.id}/content?variant=${variant}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      // A first video download streams while it renders (no length); a cached one has its length.
      if (variant === 'video') expect(res.headers.get('content-length')).toBeNull();
      else expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
      if (variant === 'video') expect(Buffer.from(bytes.subarray(4, 8)).toString('latin1')).toBe('ftyp');
      if (variant === 'thumbnail') expect(Buffer.from(bytes.subarray(8, 12)).toString('latin1')).toBe('WEBP');
      if (variant === 'spritesheet') expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    }
    const defaulted = await request(`/v1/videos/${video.id}/content`);
    expect(defaulted.headers.get('content-type')).toBe('video/mp4');
    expect(Number(defaulted.headers.get('content-length'))).toBe((await defaulted.arrayBuffer()).byteLength);
    const bad = await errorOf(await request(`/v1/videos/${video.id}/content?variant=gif`), 400);
    expect(bad.param).toBe('variant');
  });

  it('a failed video has no content', async () => {
    const { emulator, create, request, settle } = setup();
    emulator.control.faults.addFailure({ progress: 30, code: 'internal_error' });
    const video = await create('p');
    settle(video);
    const body = sora2VideoSchema.parse(await (await request(`/v1/videos/${video.id}`)).json());
    expect(body).toMatchObject({ status: 'failed', progress: 30, error: { code: 'internal_error' } });
    await errorOf(await request(`/v1/videos/${video.id}/content`), 404);
  });
});

describe('POST /v1/videos/{id}/remix (ruling 16)', () => {
  it('needs a completed source and a prompt; the remix points back to it', async () => {
    const { create, request, settle } = setup();
    const source = await create('p', { seconds: '8' });
    const remix = (body: unknown) =>
      request(`/v1/videos/${source.id}/remix`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await errorOf(await remix({ prompt: 'again' }), 400);
    settle(source);
    expect((await errorOf(await remix({}), 400)).param).toBe('prompt');
    expect((await errorOf(await remix({ prompt: 'x', size: '1280x720' }), 400)).param).toBe('size');
    const res = await remix({ prompt: 'the same lake at night' });
    expect(res.status).toBe(200);
    const video = sora2VideoSchema.parse(await res.json());
    expect(video).toMatchObject({
      remixed_from_video_id: source.id,
      status: 'queued',
      prompt: 'the same lake at night',
      size: '1280x720',
      seconds: '8',
    });
    expect(video.id).not.toBe(source.id);
  });
});

describe('expiry (ruling 12)', () => {
  it('OpenAI host: the job and its content answer until completed_at + 24 h, then 404', async () => {
    const { emulator, create, get, request } = setup();
    const video = await create('p');
    const settlesAt = emulator.engine.getJob('openai:sk-life', video.id).settlesAt;
    emulator.clock.set(settlesAt + DAY_MS - 1);
    expect((await get(video.id)).status).toBe(200);
    expect((await request(`/v1/videos/${video.id}/content?variant=thumbnail`)).status).toBe(200);
    emulator.clock.advance(1);
    await errorOf(await get(video.id), 404);
    await errorOf(await request(`/v1/videos/${video.id}/content?variant=thumbnail`), 404);
  });

  it('Azure host: expires_at null until settled, then created_at + 24 h', async () => {
    const { emulator, create, get, settle } = setup();
    const createdAt = emulator.clock.now();
    const video = await create('p', { model: 'sora-2' }, '/openai/v1');
    expect(video.expires_at).toBeNull();
    emulator.clock.advance(20_000);
    const running = sora2VideoSchema.parse(await (await get(video.id, '/openai/v1')).json());
    expect(running).toMatchObject({ status: 'in_progress', expires_at: null });
    settle(video, 'azure:sk-life');
    const done = sora2VideoSchema.parse(await (await get(video.id, '/openai/v1')).json());
    expect(done.status).toBe('completed');
    expect(done.expires_at).toBe(video.created_at + 86400);
    emulator.clock.set(createdAt + DAY_MS - 1);
    expect((await get(video.id, '/openai/v1')).status).toBe(200);
    emulator.clock.advance(1);
    await errorOf(await get(video.id, '/openai/v1'), 404);
  });
});
