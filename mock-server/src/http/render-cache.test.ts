import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.js';
import { createRenderCache, type RenderRequest } from './render-cache.js';

const base: RenderRequest = {
  variant: 'thumbnail',
  width: 64,
  height: 36,
  seconds: 1,
  seed: 's',
  caption: 'c',
};

describe('createRenderCache', () => {
  it('opens a video in flight as a stream of its parts; a reader joining late gets every part', async () => {
    let emit: (part: Uint8Array) => void = () => {};
    let finish: () => void = () => {};
    const cache = createRenderCache({
      render: (_request, onPart) =>
        new Promise<Uint8Array>((resolve) => {
          const parts: Uint8Array[] = [];
          emit = (part) => {
            parts.push(part);
            onPart?.(part);
          };
          finish = () => resolve(new Uint8Array(parts.flatMap((part) => [...part])));
        }),
    });
    const video = { ...base, variant: 'video' as const };
    const read = async (stream: ReadableStream<Uint8Array>) => {
      const seen: number[] = [];
      const reader = stream.getReader();
      for (let step = await reader.read(); !step.done; step = await reader.read()) seen.push(...step.value);
      return seen;
    };
    const first = cache.open(video);
    const early = read(first.parts?.() as ReadableStream<Uint8Array>);
    emit(Uint8Array.of(1, 2));
    const late = cache.open(video);
    const joined = read(late.parts?.() as ReadableStream<Uint8Array>);
    emit(Uint8Array.of(3));
    finish();
    expect(await early).toEqual([1, 2, 3]);
    expect(await joined).toEqual([1, 2, 3]);
    expect([...(await first.bytes)]).toEqual([1, 2, 3]);
    // Now cached: whole bytes, no parts; a still in flight never comes in parts.
    const cached = cache.open(video);
    expect(cached.parts).toBeUndefined();
    expect(cached.bytes).toBeInstanceOf(Uint8Array);
    const still = cache.open({ ...base, seed: 'still' });
    expect(still.parts).toBeUndefined();
    emit(Uint8Array.of(9));
    finish();
    expect([...(await still.bytes)]).toEqual([9]);
    expect(cache.stats()).toMatchObject({ entries: 2, misses: 2, hits: 2 });
  });

  it('renders once per parameters, shares a render in flight, and evicts least recently used', async () => {
    const calls: string[] = [];
    const cache = createRenderCache({
      maxBytes: 250,
      render: async (request) => {
        calls.push(request.seed);
        return new Uint8Array(100);
      },
    });
    const [a1, a2] = await Promise.all([cache.get(base), cache.get(base)]);
    expect(a1).toBe(a2);
    expect(calls).toEqual(['s']);
    await cache.get({ ...base, seed: 't' });
    await cache.get(base);
    await cache.get({ ...base, seed: 'u' });
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 200 });
    await cache.get(base);
    expect(calls).toEqual(['s', 't', 'u']);
    await cache.get({ ...base, seed: 't' });
    expect(calls).toEqual(['s', 't', 'u', 't']);
  });

  it('keys on the parameters that change the bytes only', async () => {
    let renders = 0;
    const cache = createRenderCache({ render: async () => new Uint8Array(++renders) });
    await cache.get({ ...base, variant: 'spritesheet', audio: true });
    await cache.get({ ...base, variant: 'spritesheet', audio: false });
    expect(renders).toBe(1);
    await cache.get({ ...base, format: 'jpeg' });
    await cache.get({ ...base, format: 'webp' });
    expect(renders).toBe(3);
  });

  it('does not keep outputs bigger than the bound, and the default renderer is deterministic', async () => {
    const cache = createRenderCache({ maxBytes: 10 });
    const first = await cache.get(base);
    expect(cache.stats().entries).toBe(0);
    expect(await cache.get(base)).toEqual(first);
    expect(new TextDecoder().decode(first.subarray(8, 12))).toBe('WEBP');
  });
});

describe('render cache ownership', () => {
  it('drops the entries of a forgotten owner and of owners expired by the clock, and nothing else', async () => {
    let now = 1000;
    const cache = createRenderCache({ now: () => now, render: async () => new Uint8Array(10) });
    await cache.get({ ...base, seed: 'a', owner: { key: 'p\na', expiresAt: 5000 } });
    await cache.get({ ...base, seed: 'a', variant: 'video', owner: { key: 'p\na', expiresAt: 5000 } });
    await cache.get({ ...base, seed: 'b', owner: { key: 'p\nb', expiresAt: 9000 } });
    await cache.get({ ...base, seed: 'c' });
    expect(cache.stats()).toMatchObject({ entries: 4, bytes: 40 });
    expect(cache.forget('p\nb')).toBe(1);
    expect(cache.forget('p\nb')).toBe(0);
    expect(cache.expire(4999)).toBe(0);
    now = 5000;
    await cache.get({ ...base, seed: 'c' }); // a hit, and expiry of 'a' on the way
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10, misses: 4 });
    // A render whose owner expired while it ran is answered but not kept.
    await cache.get({ ...base, seed: 'd', owner: { key: 'p\nd', expiresAt: 4000 } });
    expect(cache.stats().entries).toBe(1);
  });

  it('frees the media of deleted and expired videos in the emulator', async () => {
    const emulator = createEmulator({ clock: 'manual', retentionHours: 1 });
    const headers = { authorization: 'Bearer sk-cache', 'content-type': 'application/json' };
    const create = async () => {
      const res = await emulator.app.request('/v1/videos', {
        method: 'POST',
        headers,
        body: JSON.stringify({ prompt: 'a red balloon', seconds: '4' }),
      });
      return ((await res.json()) as { id: string }).id;
    };
    const [deleted, expired] = [await create(), await create()];
    emulator.clock.advance(120_000);
    for (const id of [deleted, expired]) {
      const res = await emulator.app.request(`/v1/videos/${id}/content?variant=thumbnail`, { headers });
      expect(res.status).toBe(200);
    }
    expect(emulator.media.stats().entries).toBe(2);
    expect((await emulator.app.request(`/v1/videos/${deleted}`, { method: 'DELETE', headers })).status).toBe(
      200,
    );
    expect(emulator.media.stats().entries).toBe(1);
    emulator.control.advanceClock(3_600_000);
    expect(emulator.media.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });
});
