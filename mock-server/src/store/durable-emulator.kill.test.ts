import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sora1JobSchema } from '@sora-kit/core/wire';
import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeJpeg } from '../media/image/jpeg.js';
import { renderVideo } from '../media/render-video.js';
import { type EmulatorProcess, startEmulatorProcess } from '../test-support/emulator-process.js';

const KEY = 'sk-durable';
const SORA1 = '/openai/v1/video/generations/jobs';
const DAY_MS = 86_400_000;
const ARGS = ['--port', '0', '--clock', 'manual', '--quota', 'none', '--log-level', 'silent'];

const dirs: string[] = [];
const running: EmulatorProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) await child.kill9();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dir: string): Promise<EmulatorProcess> {
  const child = await startEmulatorProcess(['--data', dir, ...ARGS]);
  running.push(child);
  return child;
}

function clients(url: string) {
  const openai = new OpenAI({ apiKey: KEY, baseURL: `${url}/v1`, maxRetries: 0 });
  const sora1 = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${SORA1}${path}${path.includes('?') ? '&' : '?'}api-version=preview`, {
      ...init,
      headers: { 'api-key': KEY, 'content-type': 'application/json' },
    });
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${url}/_emulator${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  return { openai, sora1, control };
}

const jpeg = encodeJpeg(new Uint8Array(720 * 1280 * 4).fill(90), 720, 1280);

describe('sora-emulator --data under kill -9', () => {
  it('keeps every acknowledged job and character, the manual clock, faults and the id streams; expiry still applies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sora-durable-'));
    dirs.push(dir);
    const first = await start(dir);
    const { openai, sora1, control } = clients(first.url);

    await control('/faults', { type: 'moderation', words: ['forbidden'] });
    const withInput = await openai.videos.create({
      prompt: 'a lake at dawn, from the upload',
      input_reference: await toFile(jpeg, 'ref.jpg', { type: 'image/jpeg' }),
    });
    // A character (its clip is an uploaded input), a delete and a cancel, acknowledged before the kill.
    const clip = await renderVideo({
      width: 720,
      height: 1280,
      seconds: 3,
      seed: 'clip',
      caption: 'mossy',
      audio: false,
    });
    const character = await openai.videos.createCharacter({
      name: 'Mossy',
      video: await toFile(clip, 'mossy.mp4', { type: 'video/mp4' }),
    });
    const removed = await openai.videos.create({ prompt: 'deleted before the crash' });
    await control('/clock/advance', { ms: 10 * 60_000 });
    expect((await openai.videos.delete(removed.id)).deleted).toBe(true);
    const toCancel = sora1JobSchema.parse(
      await (
        await sora1('', {
          method: 'POST',
          body: JSON.stringify({ model: 'sora', prompt: 'cancelled', width: 480, height: 480, n_seconds: 1 }),
        })
      ).json(),
    );
    expect((await sora1(`/${toCancel.id}`, { method: 'DELETE' })).status).toBe(204);
    const clock = (await control('/clock/advance', { ms: 90_000 })) as { now_ms: number };

    // A create load, killed while requests are still in flight.
    const acknowledged = new Map<string, { prompt: string; kind: 'sora1' | 'sora2'; createdAt: number }>();
    acknowledged.set(withInput.id, {
      prompt: withInput.prompt ?? '',
      kind: 'sora2',
      createdAt: withInput.created_at,
    });
    let stop = false;
    let loaded: () => void = () => {};
    const enough = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    const acknowledge = (
      id: string,
      entry: { prompt: string; kind: 'sora1' | 'sora2'; createdAt: number },
    ) => {
      acknowledged.set(id, entry);
      if (acknowledged.size >= 120) loaded();
    };
    const worker = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const prompt = `lane ${lane} job ${i}`;
        try {
          if (lane % 3 === 0) {
            const response = await sora1('', {
              method: 'POST',
              body: JSON.stringify({
                model: 'sora',
                prompt,
                width: 480,
                height: 480,
                n_seconds: 1,
                n_variants: 2,
              }),
            });
            if (response.status !== 201) throw new Error(`sora1 create answered ${response.status}`);
            const job = sora1JobSchema.parse(await response.json());
            acknowledge(job.id, { prompt, kind: 'sora1', createdAt: job.created_at });
          } else {
            const video = await openai.videos.create({
              prompt,
              model: 'sora-2',
              seconds: '4',
              size: '720x1280',
            });
            acknowledge(video.id, { prompt, kind: 'sora2', createdAt: video.created_at });
          }
        } catch (error) {
          if (!stop) throw error;
        }
      }
    };
    const lanes = Array.from({ length: 6 }, (_, lane) => worker(lane));
    await enough;
    // Lanes stop starting requests; the ones in flight are cut by the kill.
    stop = true;
    await first.kill9();
    await Promise.all(lanes);

    const second = await start(dir);
    expect(second.output()).toMatch(/State: .*emulator\.db \(resumed: \d+ stored jobs\)/);
    const again = clients(second.url);
    const resumedClock = (await again.control('/clock')) as { now_ms: number; mode: string };
    expect(resumedClock).toMatchObject({ now_ms: clock.now_ms, mode: 'manual' });
    expect(
      (await again.control('/faults')) as { moderation_words?: unknown; moderationWords?: unknown },
    ).toSatisfy((faults: Record<string, unknown>) => JSON.stringify(faults).includes('forbidden'));

    for (const [id, expected] of acknowledged) {
      if (expected.kind === 'sora2') {
        const video = await again.openai.videos.retrieve(id);
        expect(video).toMatchObject({ id, prompt: expected.prompt, created_at: expected.createdAt });
      } else {
        const response = await again.sora1(`/${id}`);
        expect(response.status).toBe(200);
        const job = sora1JobSchema.parse(await response.json());
        expect(job).toMatchObject({ id, prompt: expected.prompt, created_at: expected.createdAt });
        expect(job.generations).toHaveLength(0);
      }
    }
    await expect(again.openai.videos.retrieve(removed.id)).rejects.toMatchObject({ status: 404 });
    expect(await again.openai.videos.getCharacter(character.id as string)).toEqual(character);
    const cancelled = sora1JobSchema.parse(await (await again.sora1(`/${toCancel.id}`)).json());
    expect(cancelled.status).toBe('cancelled');
    // A partial record never appears: every stored job is one the load had acknowledged or was sending.
    const listed = await again.openai.videos.list({ limit: 100 });
    for (const video of listed.data)
      expect(video.prompt).toMatch(/^(lane \d+ job \d+|a lake at dawn, from the upload)$/);

    // The id streams resumed: new ids collide with no stored one.
    const fresh = await again.openai.videos.create({ prompt: 'after the crash' });
    expect(acknowledged.has(fresh.id)).toBe(false);
    const freshSora1 = sora1JobSchema.parse(
      await (
        await again.sora1('', {
          method: 'POST',
          body: JSON.stringify({ model: 'sora', prompt: 'after', width: 480, height: 480, n_seconds: 1 }),
        })
      ).json(),
    );
    expect(acknowledged.has(freshSora1.id)).toBe(false);
    // Moderation still applies after the restart.
    const moderated = await again.openai.videos.create({ prompt: 'a forbidden scene' });
    await again.control('/clock/advance', { ms: 60_000 });
    expect((await again.openai.videos.retrieve(moderated.id)).status).toBe('failed');

    // The uploaded input came back: the job renders from it.
    await again.control('/clock/advance', { ms: 10 * 60_000 });
    expect((await again.openai.videos.retrieve(withInput.id)).status).toBe('completed');
    const content = await again.openai.videos.downloadContent(withInput.id, { variant: 'thumbnail' });
    expect(content.status).toBe(200);

    // Expiry still applies to the restored jobs.
    await again.control('/clock/advance', { ms: 2 * DAY_MS });
    const gone = await fetch(`${second.url}/v1/videos/${withInput.id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(gone.status).toBe(404);
  });
});
