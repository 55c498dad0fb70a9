import { describe, expect, it } from 'vitest';
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
