/**
 * Image inputs over real HTTP on both dialects: a lossy WebP (the common kind) sent as the Sora 2
 * `input_reference` (official openai SDK) and as a Sora 1 `inpaint_items` file (multipart, as
 * the Microsoft quickstart) shows in the first frame of the video; a corrupt or truncated image
 * is a 400 in each dialect's own envelope, never a 500.
 */
import { readFileSync } from 'node:fs';
import { sora1JobSchema, sora1WrappedErrorSchema } from '@sora-kit/core/wire';
import OpenAI, { AzureOpenAI, BadRequestError, toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';
import { decodeRgba, lavfiStill, tempFile } from '../test-support/ffmpeg.js';
import { inputOverlays } from './input-overlays.js';

const KEY = 'sk-image-inputs';
/** Longer than any job of the manual clock's default (realistic) timing. */
const UNTIL_SETTLED_MS = 10 * 60_000;

/** A lossy (VP8) WebP by libwebp through ffmpeg: the left half red, the right half blue. */
function redBlueWebp(width: number, height: number): Uint8Array<ArrayBuffer> {
  const source = `color=c=red:s=${width}x${height},drawbox=x=${width / 2}:y=0:w=${width / 2}:h=${height}:color=blue:t=fill`;
  const args = ['-c:v', 'libwebp', '-lossless', '0', '-quality', '75'];
  const { bytes } = lavfiStill(source, args, `red-blue-${width}x${height}.webp`);
  expect(String.fromCharCode(...bytes.subarray(12, 16))).toBe('VP8 ');
  return new Uint8Array(bytes);
}

/** The first frame of an MP4 as RGB, decoded by ffmpeg. */
const firstFrameRgb = (mp4: Uint8Array): Buffer =>
  decodeRgba(tempFile(mp4, 'video.mp4'), { pixelFormat: 'rgb24', frames: 1 });

/**
 * How the first frame shows a red-left/blue-right image: the share of each half of the frame
 * that is strongly red or strongly blue.
 */
function redBlueShares(rgb: Buffer, width: number, height: number) {
  const counts = { leftRed: 0, leftBlue: 0, rightRed: 0, rightBlue: 0 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
      const side = x < width / 2 ? 'left' : 'right';
      if (r > 180 && g < 70 && b < 70) counts[`${side}Red`]++;
      if (b > 180 && r < 70 && g < 70) counts[`${side}Blue`]++;
    }
  }
  const half = (width * height) / 2;
  return {
    leftRed: counts.leftRed / half,
    leftBlue: counts.leftBlue / half,
    rightRed: counts.rightRed / half,
    rightBlue: counts.rightBlue / half,
  };
}

/** The image is drawn, not a name panel: a large red area on the left, blue on the right, not mixed up. */
function expectRedLeftBlueRight(rgb: Buffer, width: number, height: number): void {
  const shares = redBlueShares(rgb, width, height);
  expect(shares.leftRed, JSON.stringify(shares)).toBeGreaterThan(0.2);
  expect(shares.rightBlue, JSON.stringify(shares)).toBeGreaterThan(0.2);
  expect(shares.leftBlue, JSON.stringify(shares)).toBeLessThan(0.01);
  expect(shares.rightRed, JSON.stringify(shares)).toBeLessThan(0.01);
}

let emulator: Emulator;
let server: EmulatorServer;
beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', seed: 'image-inputs', apiKey: KEY });
  server = await emulator.listen(0);
});
afterAll(async () => {
  await server?.close();
});

describe('Sora 2 input_reference over HTTP (official openai SDK)', () => {
  const openai = () => new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });

  it('a lossy WebP input_reference shows in the first frame of the video', async () => {
    const client = openai();
    const created = await client.videos.create({
      model: 'sora-2',
      prompt: 'a red and blue flag',
      size: '1280x720',
      seconds: '4',
      input_reference: await toFile(redBlueWebp(1280, 720), 'flag.webp', { type: 'image/webp' }),
    });
    emulator.clock.advance(UNTIL_SETTLED_MS);
    expect((await client.videos.retrieve(created.id)).status).toBe('completed');
    const mp4 = new Uint8Array(await (await client.videos.downloadContent(created.id)).arrayBuffer());
    expectRedLeftBlueRight(firstFrameRgb(mp4), 1280, 720);
  });

  it('a video without input_reference has no such picture (the check can fail)', async () => {
    const client = openai();
    const created = await client.videos.create({ prompt: 'a red and blue flag', size: '1280x720' });
    emulator.clock.advance(UNTIL_SETTLED_MS);
    const mp4 = new Uint8Array(await (await client.videos.downloadContent(created.id)).arrayBuffer());
    expect(() => expectRedLeftBlueRight(firstFrameRgb(mp4), 1280, 720)).toThrow();
  });

  it.each([
    ['truncated', (bytes: Uint8Array<ArrayBuffer>) => bytes.subarray(0, 64)],
    ['garbled', (bytes: Uint8Array<ArrayBuffer>) => Uint8Array.from(bytes).fill(0xff, 30)],
  ])('a %s WebP is a 400 naming input_reference, on OpenAI and Azure', async (_name, damage) => {
    const bad = damage(redBlueWebp(1280, 720));
    const openaiError = await openai()
      .videos.create({
        prompt: 'p',
        size: '1280x720',
        input_reference: await toFile(bad, 'bad.webp', { type: 'image/webp' }),
      })
      .catch((error: unknown) => error);
    expect(openaiError).toBeInstanceOf(BadRequestError);
    expect(openaiError).toMatchObject({
      status: 400,
      param: 'input_reference',
      code: 'invalid_image_format',
      type: 'invalid_request_error',
    });
    expect((openaiError as Error).message).toMatch(/image\/webp image could not be decoded/);

    const azure = new AzureOpenAI({
      baseURL: `${server.url}/openai/v1`,
      apiKey: KEY,
      apiVersion: 'preview',
      maxRetries: 0,
    });
    const azureError = await azure.videos
      .create({
        model: 'sora-2',
        prompt: 'p',
        size: '1280x720',
        input_reference: await toFile(bad, 'bad.webp', { type: 'image/webp' }),
      })
      .catch((error: unknown) => error);
    expect(azureError).toBeInstanceOf(BadRequestError);
    expect(azureError).toMatchObject({ status: 400, param: 'input_reference' });
  });
});

describe('Sora 1 inpaint_items image over HTTP (multipart, as the quickstart)', () => {
  const jobs = `/openai/v1/video/generations/jobs?api-version=preview`;

  function createWithFile(bytes: Uint8Array<ArrayBuffer>, fileName: string) {
    const data = new FormData();
    data.append('model', 'sora');
    data.append('prompt', 'a red and blue flag');
    data.append('width', '854');
    data.append('height', '480');
    data.append('n_seconds', '2');
    data.append('inpaint_items', JSON.stringify([{ frame_index: 0, type: 'image', file_name: fileName }]));
    data.append('files', new Blob([bytes], { type: 'image/webp' }), fileName);
    return fetch(`${server.url}${jobs}`, { method: 'POST', headers: { 'api-key': KEY }, body: data });
  }

  it('a lossy WebP file shows in the first frame of the generation', async () => {
    const created = await createWithFile(redBlueWebp(640, 360), 'flag.webp');
    expect(created.status).toBe(201);
    const { id } = sora1JobSchema.parse(await created.json());
    emulator.clock.advance(UNTIL_SETTLED_MS);
    const job = sora1JobSchema.parse(
      await (
        await fetch(`${server.url}/openai/v1/video/generations/jobs/${id}?api-version=preview`, {
          headers: { 'api-key': KEY },
        })
      ).json(),
    );
    expect(job.status).toBe('succeeded');
    const content = await fetch(
      `${server.url}/openai/v1/video/generations/${job.generations[0]?.id}/content/video?api-version=preview`,
      { headers: { 'api-key': KEY } },
    );
    expect(content.status).toBe(200);
    expectRedLeftBlueRight(firstFrameRgb(new Uint8Array(await content.arrayBuffer())), 854, 480);
  });

  it('an image the decoders lack (Adam7 PNG at 1 bit) is accepted and shown as a named panel', async () => {
    const png = readFileSync(new URL('../media/image/__fixtures__/interlaced-monob.png', import.meta.url));
    const created = await createWithFile(new Uint8Array(png), 'interlaced.png');
    expect(created.status).toBe(201);
    const { id } = sora1JobSchema.parse(await created.json());
    const record = emulator.engine.getJob(`azure:${KEY}`, id).job;
    expect(await inputOverlays(record.inputs)).toEqual([
      { kind: 'panel', fromFrame: 0, lines: ['INPUT IMAGE', 'interlaced.png', '67x45'] },
    ]);
  });

  it.each([
    ['truncated', (bytes: Uint8Array<ArrayBuffer>) => bytes.subarray(0, 64)],
    ['garbled', (bytes: Uint8Array<ArrayBuffer>) => Uint8Array.from(bytes).fill(0xff, 30)],
  ])('a %s WebP file is a 400 BadRequest naming the file', async (_name, damage) => {
    const response = await createWithFile(damage(redBlueWebp(640, 360)), 'bad.webp');
    expect(response.status).toBe(400);
    const { error } = sora1WrappedErrorSchema.parse(await response.json());
    expect(error).toMatchObject({ code: 'BadRequest', param: 'files' });
    expect(error.message).toMatch(/File 'bad\.webp' is not a decodable image\/webp image/);
  });
});
