import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type * as BrowserEntry from './browser.js';
import { encodeWebp } from './media/image/webp-encoder.js';

const entry = fileURLToPath(new URL('./browser.ts', import.meta.url));

/** Bundles `@sora-kit/emulator/browser` as a browser bundler would; a node builtin fails the build. */
function bundleForBrowser(format: 'esm' | 'iife') {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format,
    ...(format === 'iife' ? { globalName: 'SoraEmulator' } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

/** What a browser lacks and Node has. */
const NODE_ONLY = ['Buffer', 'process', 'global', 'require', 'module', 'exports', 'setImmediate'];

/**
 * Evaluates an IIFE bundle with every Node-only global hidden from it, as in a browser page: its
 * free `Buffer`, `process`, ... are undefined, and its `globalThis` is a view of the real one
 * without them (a `globalThis.Buffer = ...` it does itself is what its free `Buffer` then sees).
 * Node's own internals are untouched.
 */
function evaluateAsInBrowser(code: string): typeof BrowserEntry {
  const body = `
    const hidden = { ${NODE_ONLY.map((name) => `${name}: { get: () => ${name}, set: (v) => { ${name} = v; } }`).join(', ')} };
    const globalThis = new Proxy(host, {
      has: (target, key) => (Object.hasOwn(hidden, key) ? hidden[key].get() !== undefined : key in target),
      get: (target, key) => (Object.hasOwn(hidden, key) ? hidden[key].get() : Reflect.get(target, key)),
      set: (target, key, value) => (Object.hasOwn(hidden, key) ? (hidden[key].set(value), true) : Reflect.set(target, key, value)),
      deleteProperty: (target, key) => (Object.hasOwn(hidden, key) ? (hidden[key].set(undefined), true) : Reflect.deleteProperty(target, key)),
    });
    const self = globalThis;
    const window = globalThis;
    ${code}
    return SoraEmulator;`;
  return new Function('host', ...NODE_ONLY, body)(globalThis);
}

/** A grey RGB PNG, made with Node's zlib (the bundle decodes it without Node). */
function greyPng(width: number, height: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (table[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3, 200);
  row[0] = 0;
  const rows = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe('@sora-kit/emulator/browser', () => {
  it('bundles for the browser with no node: module and without the Node server', async () => {
    const result = await bundleForBrowser('esm');
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => file.startsWith('node:'))).toEqual([]);
    expect(
      inputs.filter((file) => /src\/(emulator|cli\/.*|media\/render-pool|store\/sqlite-.*)\.ts$/.test(file)),
    ).toEqual([]);
    expect(inputs.filter((file) => file.includes('@hono/node-server'))).toEqual([]);
    expect(inputs.some((file) => file.endsWith('src/emulator-core.ts'))).toBe(true);
  });

  it('accepts and renders a WebP input_reference where the page serves no libwebp wasm (it shows as a named panel)', async () => {
    const bundle = await bundleForBrowser('iife');
    const { createEmulatorCore } = evaluateAsInBrowser(bundle.outputFiles[0]?.text ?? '');
    const emulator = createEmulatorCore({ clock: 'manual', seed: 2, logLevel: 'silent' });
    const webp = encodeWebp(new Uint8Array(1280 * 720 * 4).fill(200), 1280, 720);
    const headers = { authorization: 'Bearer sk-browser', 'content-type': 'application/json' };
    const created = await emulator.app.request('/v1/videos', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        prompt: 'a grey card',
        size: '1280x720',
        input_reference: { image_url: `data:image/webp;base64,${Buffer.from(webp).toString('base64')}` },
      }),
    });
    const video = (await created.json()) as { id: string; status: string };
    expect([created.status, video.status], JSON.stringify(video)).toEqual([200, 'queued']);
    emulator.clock.advance(600_000);
    const mp4 = await emulator.app.request(`/v1/videos/${video.id}/content`, { headers });
    expect([mp4.status, mp4.headers.get('content-type')]).toEqual([200, 'video/mp4']);
    await emulator.close();
  });

  it('serves both dialects, their media and signed webhooks with no Node global', async () => {
    const bundle = await bundleForBrowser('iife');
    const { createEmulatorCore, signWebhook } = evaluateAsInBrowser(bundle.outputFiles[0]?.text ?? '');
    const emulator = createEmulatorCore({ clock: 'manual', seed: 1, logLevel: 'silent' });
    const openai = { authorization: 'Bearer sk-browser' };
    const created = await emulator.app.request('/v1/videos', {
      method: 'POST',
      headers: { ...openai, 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'a red balloon',
        size: '1280x720',
        seconds: '4',
        input_reference: { image_url: `data:image/png;base64,${greyPng(1280, 720).toString('base64')}` },
      }),
    });
    const video = (await created.json()) as { id: string; status: string };
    expect([created.status, video.status], JSON.stringify(video)).toEqual([200, 'queued']);
    emulator.clock.advance(600_000);
    const content = (variant: string) =>
      emulator.app.request(`/v1/videos/${video.id}/content?variant=${variant}`, { headers: openai });
    const mp4 = await content('video');
    expect([mp4.status, mp4.headers.get('content-type')]).toEqual([200, 'video/mp4']);
    expect(new TextDecoder().decode((await bytesOf(mp4)).subarray(4, 8))).toBe('ftyp');
    const thumbnail = await content('thumbnail');
    expect([thumbnail.status, thumbnail.headers.get('content-type')]).toEqual([200, 'image/webp']);
    const sprites = await content('spritesheet');
    expect([sprites.status, sprites.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect([...(await bytesOf(sprites)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const azure = { 'api-key': 'az-browser' };
    const query = '?api-version=preview';
    const job = (await (
      await emulator.app.request(`/openai/v1/video/generations/jobs${query}`, {
        method: 'POST',
        headers: { ...azure, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'sora',
          prompt: 'a lighthouse',
          width: 480,
          height: 480,
          n_seconds: 5,
        }),
      })
    ).json()) as { id: string };
    emulator.clock.advance(600_000);
    const settled = (await (
      await emulator.app.request(`/openai/v1/video/generations/jobs/${job.id}${query}`, { headers: azure })
    ).json()) as { status: string; generations: { id: string }[] };
    expect(settled.status).toBe('succeeded');
    const generation = settled.generations[0]?.id;
    const sora1 = await emulator.app.request(
      `/openai/v1/video/generations/${generation}/content/thumbnail${query}`,
      { headers: azure },
    );
    expect([...(await bytesOf(sora1)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    await emulator.close();

    const signed = signWebhook('whsec_c2VjcmV0LWtleQ==', {
      id: 'evt_1',
      timestampSeconds: 1767225600,
      body: '{"a":1}',
    });
    const expected = createHmac('sha256', 'secret-key').update('evt_1.1767225600.{"a":1}').digest('base64');
    expect(signed['webhook-signature']).toBe(`v1,${expected}`);
  });
});
