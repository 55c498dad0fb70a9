import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/index.js';
import { createEngine } from '../engine/index.js';
import type { controlOpenApiDocument } from './control-openapi.js';
import { createControlOperations } from './control-operations.js';
import { createControlRoutes } from './control-routes.js';
import { createFaultMiddleware } from './fault-middleware.js';

/** The control API over a real engine, with a stand-in dialect route behind the fault middleware. */
function setup() {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const engine = createEngine({ clock, seed: 3, quota: 'none' });
  const control = createControlOperations({ engine });
  const delays: number[] = [];
  const app = new Hono();
  app.use(
    '*',
    createFaultMiddleware(control.httpFaults, async (ms) => {
      delays.push(ms);
    }),
  );
  app.route('/_emulator', createControlRoutes({ control }));
  app.post('/v1/videos', (c) => c.json({ ok: true }));
  app.get('/v1/videos/:id', (c) => c.json({ id: c.req.param('id') }));
  const post = (path: string, body?: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const create = (prompt = 'a red balloon') =>
    engine.createJob({
      partition: 'openai:sk-a',
      kind: 'sora2',
      prompt,
      model: 'sora-2',
      width: 1280,
      height: 720,
      seconds: 4,
    });
  return { app, clock, engine, control, delays, post, create };
}

describe('control routes', () => {
  it('GET /health and GET /clock', async () => {
    const { app } = setup();
    expect(await (await app.request('/_emulator/health')).json()).toMatchObject({
      status: 'ok',
      clock: { mode: 'manual', now_ms: Date.UTC(2026, 0, 1) },
      webhooks: false,
    });
    expect(await (await app.request('/_emulator/clock')).json()).toEqual({
      now_ms: Date.UTC(2026, 0, 1),
      iso: '2026-01-01T00:00:00.000Z',
      mode: 'manual',
      speed: 1,
    });
  });

  it('POST /clock/advance moves time and the jobs it settles', async () => {
    const { post, engine, create } = setup();
    const job = create();
    const res = await post('/_emulator/clock/advance', { ms: 60_000 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ now_ms: Date.UTC(2026, 0, 1) + 60_000 });
    expect(engine.getJob('openai:sk-a', job.job.id).phase).toBe('succeeded');
  });

  it('POST /clock/set jumps forward, switches mode and speed, refuses going back', async () => {
    const { post, clock } = setup();
    expect(await (await post('/_emulator/clock/set', { iso: '2026-02-01T00:00:00Z' })).json()).toMatchObject({
      now_ms: Date.UTC(2026, 1, 1),
    });
    const back = await post('/_emulator/clock/set', { now_ms: 0 });
    expect(back.status).toBe(400);
    expect(await back.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringMatching(/backwards/) },
    });
    await post('/_emulator/clock/set', { mode: 'real', speed: 10 });
    expect(clock.mode).toBe('real');
    expect(clock.speed).toBe(10);
  });

  it('answers 400 with param for invalid bodies', async () => {
    const { post } = setup();
    const cases: [string, unknown, string | null][] = [
      ['/_emulator/clock/advance', { ms: -1 }, 'ms'],
      ['/_emulator/clock/advance', { ms: 'soon' }, 'ms'],
      ['/_emulator/clock/advance', '{not json', null],
      ['/_emulator/clock/set', {}, null],
      ['/_emulator/clock/set', { mode: 'sideways' }, 'mode'],
      ['/_emulator/faults', { type: 'route', route: 'POST /v1/videos', status: 200 }, 'status'],
      ['/_emulator/faults', { type: 'route', route: 'POST v1/videos', status: 500 }, null],
      ['/_emulator/faults', { type: 'job_failure', progress: 101 }, 'progress'],
      ['/_emulator/faults', { type: 'teleport' }, 'type'],
      ['/_emulator/faults', [1, 2], null],
    ];
    for (const [path, body, param] of cases) {
      const res = await post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      const json = (await res.json()) as { error: { type: string; param: string | null; message: string } };
      expect(json.error.type).toBe('invalid_request_error');
      expect(json.error.param).toBe(param);
      expect(json.error.message.length).toBeGreaterThan(0);
    }
  });

  it('route faults fail the next N matching requests, then clear themselves', async () => {
    const { app, post } = setup();
    await post('/_emulator/faults', {
      route: 'POST /v1/videos',
      count: 2,
      status: 503,
      headers: { 'retry-after': '1' },
    });
    const first = await post('/v1/videos', {});
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(await first.json()).toMatchObject({ error: { type: 'server_error', code: 'emulator_fault' } });
    expect((await app.request('/v1/videos/video_1')).status).toBe(200);
    expect((await post('/v1/videos', {})).status).toBe(503);
    expect((await post('/v1/videos', {})).status).toBe(200);
    expect(await (await app.request('/_emulator/faults')).json()).toMatchObject({ routes: [] });
  });

  it('route globs, custom bodies, and the control API itself is never faulted', async () => {
    const { app, post } = setup();
    await post('/_emulator/faults', {
      type: 'route',
      route: '* /v1/videos*',
      count: 5,
      status: 429,
      body: { error: { message: 'slow down' } },
    });
    const res = await app.request('/v1/videos/video_9');
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: { message: 'slow down' } });
    expect((await app.request('/_emulator/faults')).status).toBe(200);
    expect(await (await app.request('/_emulator/faults')).json()).toMatchObject({ routes: [{ count: 4 }] });
    await app.request('/_emulator/faults', { method: 'DELETE' });
    expect((await app.request('/v1/videos/video_9')).status).toBe(200);
  });

  it('latency delays matching requests through the injected delay', async () => {
    const { app, post, delays } = setup();
    await post('/_emulator/faults', { latency_ms: 750, route: 'GET /v1/videos/*', count: 1 });
    await post('/v1/videos', {});
    await app.request('/v1/videos/video_1');
    await app.request('/v1/videos/video_1');
    expect(delays).toEqual([750]);
  });

  it('job failures, moderation and retired models reach the engine', async () => {
    const { app, post, engine, clock, create } = setup();
    await post('/_emulator/faults', {
      type: 'job_failure',
      progress: 50,
      code: 'internal_error',
      message: 'boom',
      match: { prompt_includes: 'storm' },
      times: 1,
    });
    await post('/_emulator/faults', { type: 'moderation', words: ['forbidden'] });
    await post('/_emulator/faults', { type: 'retired_model', model: 'sora-1-old', status: 410 });
    const faults = await (await app.request('/_emulator/faults')).json();
    expect(faults).toMatchObject({
      job_failures: [
        {
          progress: 50,
          code: 'internal_error',
          message: 'boom',
          match: { prompt_includes: 'storm' },
          times: 1,
        },
      ],
      moderation_words: ['forbidden'],
      retired_models: [{ model: 'sora-1-old', status: 410 }],
    });
    const stormy = create('a storm');
    const blocked = create('something forbidden here');
    clock.advance(60_000);
    expect(engine.getJob('openai:sk-a', stormy.job.id)).toMatchObject({
      phase: 'failed',
      progress: 50,
      failure: { message: 'boom' },
    });
    expect(engine.getJob('openai:sk-a', blocked.job.id)).toMatchObject({
      phase: 'failed',
      failure: { code: 'moderation_blocked' },
    });
    expect(engine.faults.retirement('sora-1-old')?.status).toBe(410);
    await post('/_emulator/faults', { type: 'restore_model', model: 'sora-1-old' });
    expect(engine.faults.retirement('sora-1-old')).toBeUndefined();
  });

  it('GET /jobs lists every partition; POST /reset clears jobs and faults but keeps the time', async () => {
    const { app, post, engine, clock, create } = setup();
    create();
    engine.createJob({
      partition: 'azure:k',
      kind: 'sora1',
      prompt: 'p',
      model: 'sora',
      width: 480,
      height: 480,
      seconds: 5,
    });
    const all = (await (await app.request('/_emulator/jobs')).json()) as {
      data: { partition: string; status: string }[];
    };
    expect(all.data.map((j) => j.partition).sort()).toEqual(['azure:k', 'openai:sk-a']);
    expect(all.data.every((j) => j.status === 'queued')).toBe(true);
    const azure = (await (await app.request('/_emulator/jobs?partition=azure:k')).json()) as {
      data: unknown[];
    };
    expect(azure.data).toHaveLength(1);
    await post('/_emulator/faults', { route: 'POST /v1/videos', status: 500 });
    clock.advance(1000);
    const before = clock.now();
    expect((await post('/_emulator/reset')).status).toBe(200);
    expect(clock.now()).toBe(before);
    expect(((await (await app.request('/_emulator/jobs')).json()) as { data: unknown[] }).data).toEqual([]);
    expect((await post('/v1/videos', {})).status).toBe(200);
  });

  it('GET /jobs pages with limit and next_cursor, and refuses a bad limit or cursor', async () => {
    const { app, create, engine } = setup();
    const ids = [create('a').job.id, create('b').job.id, create('c').job.id];
    engine.createJob({
      partition: 'azure:k',
      kind: 'sora1',
      prompt: 'p',
      model: 'sora',
      width: 480,
      height: 480,
      seconds: 5,
    });
    type Page = { data: { id: string; partition: string }[]; has_more: boolean; next_cursor: string | null };
    const get = async (query: string) =>
      (await (await app.request(`/_emulator/jobs?${query}`)).json()) as Page;
    const first = await get('limit=2');
    expect(first.data.map((j) => j.partition)).toEqual(['azure:k', 'openai:sk-a']);
    expect(first.has_more).toBe(true);
    const second = await get(`limit=2&after=${encodeURIComponent(first.next_cursor ?? '')}`);
    expect(second.data.map((j) => j.id)).toEqual(ids.slice(1));
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    const scoped = await get(
      `partition=openai:sk-a&limit=1&after=${encodeURIComponent(`${ids[0]}:openai:sk-a`)}`,
    );
    expect(scoped.data.map((j) => j.id)).toEqual([ids[1]]);
    for (const [query, param] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=10001', 'limit'],
      ['after=nocolon', 'after'],
    ]) {
      const res = await app.request(`/_emulator/jobs?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe(param);
    }
  });

  it('unknown control routes answer 404 in the envelope', async () => {
    const { app } = setup();
    const res = await app.request('/_emulator/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('the OpenAPI document lists every control route', async () => {
    const { app } = setup();
    const served = (await (await app.request('/_emulator/openapi.json')).json()) as ReturnType<
      typeof controlOpenApiDocument
    >;
    expect(served.openapi).toBe('3.1.0');
    const routes = createControlRoutes({
      control: createControlOperations({ engine: createEngine({ clock: createManualClock() }) }),
    })
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} /_emulator${r.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(11);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      expect(served.paths[path]?.[method], route).toBeDefined();
    }
    const documented = Object.entries(served.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual([...routes].sort());
    expect(JSON.stringify(served)).not.toContain('#/$defs');
  });
});
