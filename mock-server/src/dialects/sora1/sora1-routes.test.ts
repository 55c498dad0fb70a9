/**
 * Sora 1 routes through `app.request()`: quota and its release, list pagination and statuses,
 * 401/404/413 paths, faults and moderation, retired models, expiry, api-version, ranges, and
 * reproducible transcripts. Every JSON body is checked with the strict core schemas.
 */
import { createHash } from 'node:crypto';
import { errorFromResponse, ModelRetiredError, QuotaExceededError } from '@sora-kit/core';
import {
  type Sora1Job,
  sora1GenerationSchema,
  sora1JobListSchema,
  sora1JobSchema,
  sora1WrappedErrorSchema,
} from '@sora-kit/core/wire';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator.js';
import type { EmulatorOptions } from '../../emulator-options.js';

const KEY = 'sora1-key';
const JOBS = '/openai/v1/video/generations/jobs';
const DAY_MS = 86_400_000;

function setup(options: EmulatorOptions = {}, key = KEY) {
  const emulator = createEmulator({ clock: 'manual', seed: 'sora1-routes', ...options });
  const request = (path: string, init: RequestInit = {}) =>
    emulator.app.request(path, {
      ...init,
      headers: { 'api-key': key, ...(init.headers as Record<string, string>) },
    });
  const createRaw = (body: Record<string, unknown>) =>
    request(`${JOBS}?api-version=preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'sora',
        prompt: 'a quiet lake',
        width: 480,
        height: 480,
        n_seconds: 1,
        ...body,
      }),
    });
  const create = async (body: Record<string, unknown> = {}): Promise<Sora1Job> => {
    const response = await createRaw(body);
    expect(response.status).toBe(201);
    return sora1JobSchema.parse(await response.json());
  };
  const get = async (id: string): Promise<Sora1Job> => {
    const response = await request(`${JOBS}/${id}?api-version=preview`);
    expect(response.status).toBe(200);
    return sora1JobSchema.parse(await response.json());
  };
  const settle = (id: string) => {
    const view = emulator.engine.getJob(`azure:${key}`, id);
    emulator.clock.advance(Math.max(0, view.settlesAt - emulator.clock.now()));
  };
  return { emulator, request, createRaw, create, get, settle };
}

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  return sora1WrappedErrorSchema.parse(await response.json()).error;
}

describe('quota (ruling 3): two unfinished jobs per partition', () => {
  it('the third gets 429 with retry-after and retry-after-ms, "Too many running tasks"', async () => {
    const { create, createRaw } = setup();
    await create();
    await create();
    const refused = await createRaw({});
    const error = await errorOf(refused.clone(), 429);
    expect(error.message).toMatch(/^Too many running tasks/);
    const retryAfterMs = Number(refused.headers.get('retry-after-ms'));
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(Math.ceil(retryAfterMs / 1000)));
    const parsed = errorFromResponse({ status: 429, headers: refused.headers, body: await refused.text() });
    expect(QuotaExceededError.isInstance(parsed) && parsed.reason).toBe('concurrency');
  });

  it('other keys have their own slots', async () => {
    const a = setup();
    await a.create();
    await a.create();
    const other = await a.emulator.app.request(`${JOBS}`, {
      method: 'POST',
      headers: { 'api-key': 'another-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora', prompt: 'x', width: 480, height: 480, n_seconds: 1 }),
    });
    expect(other.status).toBe(201);
  });

  it('frees a slot on completion, failure, cancel (DELETE) and keeps it free after expiry', async () => {
    const { emulator, create, createRaw, request, settle, get } = setup();
    const first = await create();
    emulator.clock.advance(1500);
    await create({ prompt: 'second' }); // still running when the first settles
    expect((await createRaw({})).status).toBe(429);
    // completion
    settle(first.id);
    expect((await get(first.id)).status).toBe('succeeded');
    const third = await create({ prompt: 'third' });
    expect((await createRaw({})).status).toBe(429);
    // cancel: DELETE of an unfinished job answers 204 and the job reads cancelled
    const cancelled = await request(`${JOBS}/${third.id}`, { method: 'DELETE' });
    expect(cancelled.status).toBe(204);
    expect(await get(third.id)).toMatchObject({ status: 'cancelled', failure_reason: null, generations: [] });
    // failure
    emulator.engine.faults.addFailure({ progress: 30, match: { promptIncludes: 'doomed' } });
    const doomed = await create({ prompt: 'doomed job' });
    expect((await createRaw({})).status).toBe(429);
    settle(doomed.id);
    expect(await get(doomed.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'internal_error',
      generations: [],
    });
    const fourth = await create({ prompt: 'fourth' });
    // expiry: everything settles, then a day later the jobs are gone and both slots are free
    emulator.clock.advance(DAY_MS + 60_000);
    expect((await request(`${JOBS}/${fourth.id}`)).status).toBe(404);
    await create({ prompt: 'after expiry 1' });
    await create({ prompt: 'after expiry 2' });
  });
});

describe('job lifecycle fields (rulings 6, 12)', () => {
  it('null until set; expires_at = finished_at + 86400; content 404 before success and after expiry', async () => {
    const { emulator, create, get, request, settle } = setup();
    const job = await create({ n_variants: 2 });
    const early = await errorOf(
      await request(`/openai/v1/video/generations/${job.id.replace('task_', 'gen_')}`),
      404,
    );
    expect(early.code).toBe('NotFound');
    const view = emulator.engine.getJob(`azure:${KEY}`, job.id);
    const genId = view.job.generationIds[0] as string;
    expect((await request(`/openai/v1/video/generations/${genId}/content/video`)).status).toBe(404);
    expect((await request(`/openai/v1/video/generations/${genId}`)).status).toBe(404);
    settle(job.id);
    const done = await get(job.id);
    expect(done.expires_at).toBe((done.finished_at as number) + 86_400);
    expect(done.generations.map((g) => g.id)).toEqual(view.job.generationIds);
    const generation = sora1GenerationSchema.parse(
      await (await request(`/openai/v1/video/generations/${genId}`)).json(),
    );
    expect(generation).toMatchObject({
      job_id: job.id,
      width: 480,
      height: 480,
      n_seconds: 1,
      prompt: 'a quiet lake',
    });
    const thumb = await request(`/openai/v1/video/generations/${genId}/content/thumbnail`);
    expect(thumb.status).toBe(200);
    const expiresAt = emulator.engine.getJob(`azure:${KEY}`, job.id).expiresAt as number;
    expect(Math.floor(expiresAt / 1000)).toBe(done.expires_at);
    emulator.clock.advance(expiresAt - emulator.clock.now() - 1);
    expect((await request(`/openai/v1/video/generations/${genId}/content/thumbnail`)).status).toBe(200);
    emulator.clock.advance(1);
    expect(
      (await errorOf(await request(`/openai/v1/video/generations/${genId}/content/thumbnail`), 404)).message,
    ).toContain('expired');
    expect((await request(`${JOBS}/${job.id}`)).status).toBe(404);
  });

  it('serves byte ranges of the video', async () => {
    const { create, request, settle, get } = setup();
    const job = await create();
    settle(job.id);
    const genId = (await get(job.id)).generations[0]?.id as string;
    const url = `/openai/v1/video/generations/${genId}/content/video?quality=high`;
    const whole = new Uint8Array(await (await request(url)).arrayBuffer());
    const part = await request(url, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.byteLength}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(whole.subarray(10, 20)))).toBe(true);
    expect((await request(url, { headers: { range: `bytes=${whole.byteLength}-` } })).status).toBe(416);
    expect((await errorOf(await request(url.replace('high', 'medium')), 400)).param).toBe('quality');
  });
});

describe('list (ruling 7)', () => {
  it('newest first, limit default 10, after/before cursors, statuses as a comma list or repeated', async () => {
    const { emulator, create, request, settle } = setup({ quota: 'none', timing: { queuedMs: 60_000 } });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await create({ prompt: `job ${i}` })).id);
      emulator.clock.advance(1000);
    }
    const page = async (query: string) => {
      const response = await request(`${JOBS}?api-version=preview${query}`);
      expect(response.status).toBe(200);
      return sora1JobListSchema.parse(await response.json());
    };
    const first = await page('');
    expect(first.data.map((j) => j.id)).toEqual([...ids].reverse().slice(0, 10));
    expect(first).toMatchObject({ has_more: true, first_id: ids[11], last_id: ids[2] });
    const second = await page(`&after=${first.last_id}`);
    expect(second.data.map((j) => j.id)).toEqual([ids[1], ids[0]]);
    expect(second.has_more).toBe(false);
    const before = await page(`&before=${ids[5]}&limit=2`);
    expect(before.data.map((j) => j.id)).toEqual([ids[7], ids[6]]);
    // cancel two (DELETE of unfinished jobs), settle the rest, delete the newest, then filter
    expect((await request(`${JOBS}/${ids[3]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await request(`${JOBS}/${ids[4]}`, { method: 'DELETE' })).status).toBe(204);
    settle(ids[11] as string);
    expect((await request(`${JOBS}/${ids[11]}`, { method: 'DELETE' })).status).toBe(204); // settled: deleted
    const onlyCancelled = await page('&statuses=cancelled');
    expect(onlyCancelled.data.map((j) => j.id)).toEqual([ids[4], ids[3]]);
    const comma = await page('&statuses=cancelled,succeeded&limit=100');
    const repeated = await page('&statuses=cancelled&statuses=succeeded&limit=100');
    expect(comma).toEqual(repeated);
    expect(comma.data.every((j) => j.status === 'cancelled' || j.status === 'succeeded')).toBe(true);
    expect(comma.data.map((j) => j.id)).not.toContain(ids[11]);
    for (const bad of ['&limit=0', '&limit=101', '&limit=x'])
      expect((await errorOf(await request(`${JOBS}?api-version=preview${bad}`), 400)).param).toBe('limit');
    expect((await errorOf(await request(`${JOBS}?statuses=done`), 400)).param).toBe('statuses');
    expect((await errorOf(await request(`${JOBS}?after=task_unknown`), 400)).param).toBe('after');
    expect((await page('&limit=100')).data).toHaveLength(11);
  });

  it('lists only Sora 1 jobs, and a Sora 2 video id is not a Sora 1 job', async () => {
    const { create, request } = setup();
    await create();
    const sora2 = await request('/openai/v1/videos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'a boat', size: '1280x720', seconds: '4' }),
    });
    expect(sora2.status).toBe(200);
    const { id } = (await sora2.json()) as { id: string };
    const list = sora1JobListSchema.parse(await (await request(JOBS)).json());
    expect(list.data).toHaveLength(1);
    expect((await request(`${JOBS}/${id}`)).status).toBe(404);
    expect((await request(`${JOBS}/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('auth, routing and body errors', () => {
  it('401 without a key, with a wrong key, and with an empty bearer', async () => {
    const { emulator } = setup({ apiKey: 'right' });
    const call = (headers: Record<string, string>) => emulator.app.request(JOBS, { headers });
    const refusedHeaders: Array<Record<string, string>> = [
      {},
      { 'api-key': 'wrong' },
      { authorization: 'Bearer wrong' },
      { authorization: 'Bearer ' },
    ];
    for (const headers of refusedHeaders) {
      const error = await errorOf(await call(headers), 401);
      expect(error.code).toBe('401');
    }
    expect((await call({ 'api-key': 'right' })).status).toBe(200);
    expect((await call({ authorization: 'Bearer right' })).status).toBe(200);
  });

  it('404 for unknown jobs, generations, deployments and paths; 400 for an unknown api-version', async () => {
    const { createRaw, request } = setup({ deployments: { sora: 'sora', 'sora-2': 'sora-2' } });
    expect((await errorOf(await request(`${JOBS}/task_00000000000000000000000000`), 404)).code).toBe(
      'NotFound',
    );
    expect(
      (await request('/openai/v1/video/generations/gen_00000000000000000000000000/content/video')).status,
    ).toBe(404);
    const deployment = await errorOf(await createRaw({ model: 'my-sora' }), 404);
    expect(deployment).toMatchObject({ code: 'DeploymentNotFound', param: 'model' });
    expect(deployment.message).toContain("The API deployment 'my-sora' for this resource does not exist");
    expect((await errorOf(await createRaw({ model: 'sora-2' }), 400)).param).toBe('model');
    expect((await errorOf(await request('/openai/v1/video/generations/gen_1/content/gif'), 404)).code).toBe(
      'NotFound',
    );
    expect((await errorOf(await request(`${JOBS}?api-version=2024-02-01`), 400)).param).toBe('api-version');
    expect((await request(`${JOBS}?api-version=v1`)).status).toBe(200);
    expect((await request(JOBS)).status).toBe(200);
  });

  it('400 naming the field for limits over HTTP, 413 over the body limits, 400 for bad bodies', async () => {
    const { createRaw, request } = setup({ limits: { maxUploadBytes: 4096, maxJsonBytes: 1024 } });
    expect((await errorOf(await createRaw({ width: 1920, height: 1080, n_variants: 2 }), 400)).param).toBe(
      'n_variants',
    );
    expect((await errorOf(await createRaw({ n_seconds: 21 }), 400)).param).toBe('n_seconds');
    expect((await errorOf(await createRaw({ width: 640 }), 400)).param).toBe('width');
    expect((await errorOf(await createRaw({ prompt: 'x'.repeat(2000) }), 413)).code).toBe(
      'RequestEntityTooLarge',
    );
    const form = new FormData();
    for (const [k, v] of Object.entries({
      model: 'sora',
      prompt: 'p',
      width: '480',
      height: '480',
      n_seconds: '1',
    }))
      form.append(k, v);
    form.append('inpaint_items', JSON.stringify([{ frame_index: 0, type: 'image', file_name: 'big.png' }]));
    form.append('files', new Blob([new Uint8Array(8000)], { type: 'image/png' }), 'big.png');
    expect((await errorOf(await request(JOBS, { method: 'POST', body: form }), 413)).code).toBe(
      'RequestEntityTooLarge',
    );
    const broken = await request(JOBS, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect((await errorOf(broken, 400)).code).toBe('BadRequest');
    const text = await request(JOBS, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect((await errorOf(text, 400)).param).toBe('body');
  });

  it("checks limits from core's azure-sora1 capabilities, with the emulator's overrides", async () => {
    const { create, createRaw } = setup({ capabilities: { overrides: { seconds: { min: 1, max: 10 } } } });
    expect((await create({ n_seconds: 10 })).n_seconds).toBe(10);
    const refused = await errorOf(await createRaw({ n_seconds: 11 }), 400);
    expect(refused).toMatchObject({
      param: 'n_seconds',
      message: 'Invalid n_seconds 11: must be between 1 and 10.',
    });
  });
});

describe('faults and moderation (rendered from the engine)', () => {
  it('a moderated prompt fails with input_moderation; a fault fails with internal_error at its progress', async () => {
    const { emulator, create, get, settle } = setup();
    emulator.engine.faults.setModerationWords(['forbidden']);
    const blocked = await create({ prompt: 'a Forbidden scene' });
    settle(blocked.id);
    expect(await get(blocked.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'input_moderation',
      generations: [],
    });
    emulator.engine.faults.addFailure({ progress: 50, match: { kind: 'sora1' }, times: 1 });
    const failing = await create({ prompt: 'fine words' });
    settle(failing.id);
    const failed = await get(failing.id);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'internal_error' });
    expect(failed.finished_at).not.toBeNull();
  });

  it('a retired deployment answers 404/410 with model_retired, which core reads as ModelRetiredError', async () => {
    const { emulator, create, createRaw, request } = setup();
    const before = await create();
    emulator.engine.faults.retireModel('sora', { status: 410 });
    const refused = await createRaw({});
    const body = await refused.clone().json();
    expect((await errorOf(refused, 410)).code).toBe('model_retired');
    expect(errorFromResponse({ status: 410, body, model: 'sora' })).toBeInstanceOf(ModelRetiredError);
    expect((await request(`${JOBS}/${before.id}`)).status).toBe(410);
  });
});

describe('determinism', () => {
  it('the same seeded session twice gives identical transcripts (headers, bodies, content)', async () => {
    const session = async (): Promise<string[]> => {
      // About determinism, not timing: the fast profile settles within the 300 ms polls below.
      const { emulator, request, createRaw } = setup({ seed: 'transcript', timing: 'fast' });
      const lines: string[] = [];
      const record = async (response: Response) => {
        const bytes = new Uint8Array(await response.arrayBuffer());
        const type = response.headers.get('content-type') ?? '';
        const body = type.includes('json')
          ? new TextDecoder().decode(bytes)
          : createHash('sha256').update(bytes).digest('hex');
        lines.push(`${response.status} ${JSON.stringify([...response.headers])} ${body}`);
        return bytes;
      };
      const created = JSON.parse(
        new TextDecoder().decode(await record(await createRaw({ n_variants: 2 }))),
      ) as Sora1Job;
      await record(await createRaw({ prompt: 'second' }));
      await record(await createRaw({ prompt: 'third' }));
      for (let i = 0; i < 8; i++) {
        await record(await request(`${JOBS}/${created.id}`));
        emulator.clock.advance(300);
      }
      const done = JSON.parse(
        new TextDecoder().decode(await record(await request(`${JOBS}/${created.id}`))),
      ) as Sora1Job;
      await record(await request(`${JOBS}?limit=2`));
      for (const generation of done.generations) {
        await record(await request(`/openai/v1/video/generations/${generation.id}/content/video`));
        await record(await request(`/openai/v1/video/generations/${generation.id}/content/thumbnail`));
      }
      await record(await request(`${JOBS}/${created.id}`, { method: 'DELETE' }));
      return lines;
    };
    const first = await session();
    expect(first.some((line) => line.startsWith('429 '))).toBe(true);
    expect(first.some((line) => line.includes('"succeeded"'))).toBe(true);
    expect(await session()).toEqual(first);
  });
});
