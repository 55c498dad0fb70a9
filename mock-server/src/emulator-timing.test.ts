/**
 * Timing profiles end to end over real HTTP: the manual clock defaults to `realistic`, so a
 * client stepping by a typical poll interval sees every state; `createEmulator({ timing })` and
 * `POST /_emulator/timing` take the profile names; under `--speed X` every wait hint is in the
 * client's wall time.
 */
import { sora1JobSchema } from '@sora-kit/core/wire';
import OpenAI, { RateLimitError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.js';
import type { EmulatorOptions } from './emulator-options.js';

const KEY = 'sk-timing';
const open: Emulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((emulator) => emulator.close()));
});

async function start(options: EmulatorOptions) {
  const emulator = createEmulator({ seed: 'timing', ...options });
  open.push(emulator);
  const server = await emulator.listen(0);
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });
  return { emulator, url: server.url, client };
}

describe('timing defaults and profile names', () => {
  it('the manual clock defaults to realistic, the real clock to fast; both take a profile name', async () => {
    expect(createEmulator({ clock: 'manual' }).control.timing().profile).toBe('realistic');
    expect(createEmulator().control.timing().profile).toBe('fast');
    expect(createEmulator({ clock: 'manual', timing: 'fast' }).control.timing().profile).toBe('fast');
    expect(createEmulator({ timing: 'realistic' }).control.timing().profile).toBe('realistic');
    const custom = createEmulator({ clock: 'manual', timing: { queuedMs: 60_000 } }).control.timing();
    expect(custom).toMatchObject({ profile: 'custom', config: { queuedMs: 60_000, preprocessingMs: 5000 } });
  });

  it('a Sora 2 client polling every 10 s sees queued, in_progress (rising progress) and completed', async () => {
    const { emulator, client } = await start({ clock: 'manual' });
    const video = await client.videos.create({ prompt: 'a red balloon', model: 'sora-2', seconds: '4' });
    const seen = [`${video.status}:${video.progress}`];
    for (let i = 0; i < 12 && seen.at(-1)?.startsWith('completed') !== true; i++) {
      emulator.clock.advance(10_000);
      const now = await client.videos.retrieve(video.id);
      seen.push(`${now.status}:${now.progress}`);
    }
    const statuses = [...new Set(seen.map((s) => s.split(':')[0]))];
    expect(statuses).toEqual(['queued', 'in_progress', 'completed']);
    expect(seen.filter((s) => s.startsWith('in_progress')).length).toBeGreaterThanOrEqual(4);
    expect(seen.length - 1).toBeGreaterThanOrEqual(6); // about 67 s at 10 s a poll
  });

  it('a Sora 1 client polling every 5 s sees every phase', async () => {
    const { emulator, url } = await start({ clock: 'manual' });
    const jobs = `${url}/openai/v1/video/generations/jobs`;
    const headers = { 'api-key': KEY, 'content-type': 'application/json' };
    const created = sora1JobSchema.parse(
      await (
        await fetch(`${jobs}?api-version=preview`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: 'sora', prompt: 'a lake', width: 480, height: 480, n_seconds: 5 }),
        })
      ).json(),
    );
    const seen = [created.status];
    while (seen.at(-1) !== 'succeeded' && seen.length < 20) {
      emulator.clock.advance(5000);
      const job = sora1JobSchema.parse(
        await (await fetch(`${jobs}/${created.id}?api-version=preview`, { headers })).json(),
      );
      seen.push(job.status);
    }
    expect([...new Set(seen)]).toEqual(['queued', 'preprocessing', 'running', 'processing', 'succeeded']);
  });

  it('POST /_emulator/timing switches the profile of new jobs, and refuses unknown names', async () => {
    const { emulator, url, client } = await start({ clock: 'manual' });
    const post = (body: unknown) =>
      fetch(`${url}/_emulator/timing`, { method: 'POST', body: JSON.stringify(body) });
    const bad = await post({ profile: 'slow' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('profile');
    expect(((await (await fetch(`${url}/_emulator/timing`)).json()) as { profile: string }).profile).toBe(
      'realistic',
    );
    const fast = await post({ profile: 'fast' });
    expect(await fast.json()).toMatchObject({ profile: 'fast', queued_ms: 400 });
    const video = await client.videos.create({ prompt: 'a quick one', model: 'sora-2' });
    emulator.clock.advance(2000);
    expect((await client.videos.retrieve(video.id)).status).toBe('completed');
    await fetch(`${url}/_emulator/reset`, { method: 'POST' });
    expect(emulator.control.timing().profile).toBe('realistic');
  });
});

describe('wait hints under --speed are in the client wall time', () => {
  it('openai-poll-after-ms is divided by the speed', async () => {
    const { url } = await start({ clock: 'real', speed: 10, timing: 'realistic' });
    const res = await fetch(`${url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a red balloon' }),
    });
    expect(res.status).toBe(200);
    // 10 s of emulated queue time pass in 1 s of wall time at speed 10.
    const hint = Number(res.headers.get('openai-poll-after-ms'));
    expect(hint).toBeGreaterThan(0);
    expect(hint).toBeLessThanOrEqual(1000);
  });

  it('429 retry-after-ms and retry-after on both dialects are divided by the speed', async () => {
    const { url, client } = await start({
      clock: 'real',
      speed: 10,
      timing: 'realistic',
      quota: 'concurrent:1',
    });
    await client.videos.create({ prompt: 'first' });
    const refused = await client.videos.create({ prompt: 'second' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitError);
    const headers = (refused as RateLimitError).headers;
    // The first video settles about 67 s (emulated) after create: under 6.8 s of wall time.
    expect(Number(headers.get('retry-after-ms'))).toBeLessThanOrEqual(6800);
    expect(Number(headers.get('retry-after-ms'))).toBeGreaterThan(1000);
    expect(Number(headers.get('retry-after'))).toBeLessThanOrEqual(7);

    const jobs = `${url}/openai/v1/video/generations/jobs?api-version=preview`;
    const create = () =>
      fetch(jobs, {
        method: 'POST',
        headers: { 'api-key': KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'sora', prompt: 'a lake', width: 480, height: 480, n_seconds: 5 }),
      });
    expect((await create()).status).toBe(201);
    const sora1Refused = await create();
    expect(sora1Refused.status).toBe(429);
    // About 20 s emulated: at most 2 s of wall time.
    expect(Number(sora1Refused.headers.get('retry-after-ms'))).toBeLessThanOrEqual(2000);
    expect(Number(sora1Refused.headers.get('retry-after'))).toBeLessThanOrEqual(2);
  });
});
