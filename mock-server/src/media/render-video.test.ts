import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVideo, renderVideoStream } from './render-video.js';
import { createScene, MediaOptionsError } from './scene.js';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-media-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Probe {
  streams: Array<{
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    duration: string;
  }>;
  format: { duration: string };
}

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as Probe;
}

async function decodeErrors(file: string): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-nostdin', '-v', 'error', '-i', file, '-f', 'null', '-']);
  return stderr;
}

async function decodeFrames(file: string, width: number, height: number): Promise<Buffer[]> {
  const { stdout } = await run(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'],
    {
      encoding: 'buffer',
      maxBuffer: 1 << 28,
    },
  );
  const size = width * height * 1.5;
  return Array.from({ length: stdout.length / size }, (_, i) => stdout.subarray(i * size, (i + 1) * size));
}

const base = { seed: 7, caption: 'a calico cat surfing a giant wave at sunset', label: 'task_01' };
const sora1 = [
  '480x480',
  '480x854',
  '854x480',
  '720x720',
  '720x1280',
  '1280x720',
  '1080x1080',
  '1080x1920',
  '1920x1080',
];
const sora2 = ['720x1280', '1280x720', '1024x1792', '1792x1024'];
const cases = [
  ...sora1.map((size) => ({ size, audio: false })),
  ...sora2.map((size) => ({ size, audio: true })),
];

describe('renderVideo output, checked by ffprobe and ffmpeg', () => {
  it.concurrent.each(cases)(
    '$size audio=$audio: exact size, h264, 1 s, aac only with audio, decodes cleanly',
    async ({ size, audio }) => {
      const [width, height] = size.split('x').map(Number) as [number, number];
      const file = await save(
        `${size}-${audio}.mp4`,
        await renderVideo({ ...base, width, height, seconds: 1, audio }),
      );
      const info = await probe(file);
      const video = info.streams.filter((s) => s.codec_type === 'video');
      const sound = info.streams.filter((s) => s.codec_type === 'audio');
      expect(video).toHaveLength(1);
      expect(video[0]).toMatchObject({ codec_name: 'h264', width, height });
      expect(Math.abs(Number(video[0]?.duration) - 1)).toBeLessThanOrEqual(1 / 30);
      expect(Math.abs(Number(info.format.duration) - 1)).toBeLessThanOrEqual(1 / 30);
      expect(sound.map((s) => s.codec_name)).toEqual(audio ? ['aac'] : []);
      if (audio) expect(Math.abs(Number(sound[0]?.duration) - 1)).toBeLessThanOrEqual(1 / 30);
      expect(await decodeErrors(file)).toBe('');
    },
  );

  it('lasts `seconds` within one frame for a longer clip with audio (7 s, 1280x720)', async () => {
    const file = await save(
      'long.mp4',
      await renderVideo({ ...base, width: 1280, height: 720, seconds: 7, audio: true }),
    );
    const info = await probe(file);
    for (const stream of info.streams)
      expect(Math.abs(Number(stream.duration) - 7)).toBeLessThanOrEqual(1 / 30);
    expect(await decodeErrors(file)).toBe('');
  });

  it('decodes to exactly the scene: frames a second apart differ and a frame is not uniform', async () => {
    const options = { ...base, width: 854, height: 480, seconds: 2 };
    const file = await save('frames.mp4', await renderVideo({ ...options, audio: false }));
    const frames = await decodeFrames(file, 854, 480);
    expect(frames).toHaveLength(60);
    const luma = (f: Buffer) => f.subarray(0, 854 * 480);
    expect(luma(frames[0] as Buffer).equals(luma(frames[30] as Buffer))).toBe(false);
    expect(luma(frames[29] as Buffer).equals(luma(frames[59] as Buffer))).toBe(false);
    expect(new Set(luma(frames[0] as Buffer)).size).toBeGreaterThan(4);
    const scene = createScene(options);
    for (const index of [0, 1, 31, 59]) {
      const expected = scene.frameAt(index);
      expect(Buffer.concat([expected.y, expected.u, expected.v]).equals(frames[index] as Buffer)).toBe(true);
    }
  });
});

describe('renderVideo determinism and streaming', () => {
  const options = { ...base, width: 480, height: 854, seconds: 1.5, audio: true };

  it('gives the same bytes for the same inputs and different bytes for another seed or caption', async () => {
    const a = Buffer.from(await renderVideo(options));
    expect(a.equals(Buffer.from(await renderVideo(options)))).toBe(true);
    expect(a.equals(Buffer.from(await renderVideo({ ...options, seed: 8 })))).toBe(false);
    expect(a.equals(Buffer.from(await renderVideo({ ...options, caption: 'a calico cat on a wave' })))).toBe(
      false,
    );
  });

  it('streams the same bytes, the init segment then one moof + mdat fragment per second', async () => {
    const chunks: Buffer[] = [];
    const reader = renderVideoStream(options).getReader();
    for (let step = await reader.read(); !step.done; step = await reader.read())
      chunks.push(Buffer.from(step.value));
    const type = (chunk: Buffer | undefined, at: number) =>
      chunk?.subarray(at + 4, at + 8).toString('latin1');
    expect(chunks.map((chunk) => type(chunk, 0))).toEqual([
      'ftyp',
      ...new Array(Math.ceil(options.seconds)).fill('moof'),
    ]);
    expect(type(chunks[0], chunks[0]?.readUInt32BE(0) ?? 0)).toBe('moov');
    expect(Buffer.concat(chunks).equals(Buffer.from(await renderVideo(options)))).toBe(true);
  });

  it('rejects odd or invalid sizes with a typed error, before any stream exists', async () => {
    await expect(renderVideo({ ...options, width: 481 })).rejects.toBeInstanceOf(MediaOptionsError);
    expect(() => renderVideoStream({ ...options, seconds: -1 })).toThrow(MediaOptionsError);
  });
});
