/**
 * The Microsoft Learn REST quickstart (contracts 2.3, AZQS1/AZQS2), followed exactly with raw
 * fetch against the emulator on a real port: text to video, image to video (multipart,
 * `inpaint_items` as a JSON string, `files` parts) and video to video; then poll, list,
 * download every generation (checked with ffprobe), thumbnail, HEAD, delete.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Sora1Job,
  sora1GenerationSchema,
  sora1JobListSchema,
  sora1JobSchema,
  sora1WrappedErrorSchema,
} from '@sora-kit/core/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../../emulator.js';
import { createScene } from '../../media/index.js';
import { inputOverlays } from '../input-overlays.js';

const run = promisify(execFile);
const KEY = 'quickstart-key';
let dir = '';
let emulator: Emulator;
let server: EmulatorServer;
let endpoint = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora1-quickstart-'));
  emulator = createEmulator({ clock: 'manual', seed: 'quickstart' });
  server = await emulator.listen(0);
  endpoint = server.url;
  await run('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'color=c=red:s=320x240',
    '-frames:v',
    '1',
    join(dir, 'dog_swimming.jpg'),
  ]);
  await run('ffmpeg', [
    '-nostdin',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=30',
    '-t',
    '3',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
    join(dir, 'dog_swimming.mp4'),
  ]);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The quickstart's `headers = {"api-key": api_key, "Content-Type": "application/json"}`. */
const headers = { 'api-key': KEY, 'Content-Type': 'application/json' };
const apiVersion = 'preview';

/**
 * The quickstart's multipart create: its text fields, one `files` part read from the fixtures
 * folder, and no Content-Type (the quickstart removes it so fetch sets the boundary).
 */
async function createWithFile(fields: Record<string, string>, fileName: string, type: string) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append('files', new Blob([await readFile(join(dir, fileName))], { type }), fileName);
  return fetch(`${endpoint}/openai/v1/video/generations/jobs?api-version=${apiVersion}`, {
    method: 'POST',
    headers: { 'api-key': KEY },
    body: data,
  });
}

interface Probe {
  streams: Array<{
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    duration?: string;
  }>;
}
async function probe(bytes: Uint8Array, name: string): Promise<Probe> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
  return JSON.parse(stdout) as Probe;
}
async function firstFrames(
  bytes: Uint8Array,
  name: string,
  width: number,
  height: number,
  count: number,
): Promise<Buffer[]> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const { stdout } = await run(
    'ffmpeg',
    [
      '-nostdin',
      '-v',
      'error',
      '-i',
      file,
      '-frames:v',
      String(count),
      '-f',
      'rawvideo',
      '-pix_fmt',
      'yuv420p',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 1 << 28 },
  );
  const size = width * height * 1.5;
  return Array.from({ length: count }, (_, i) => stdout.subarray(i * size, (i + 1) * size));
}

/** Polls like the quickstart (`while status not in ("succeeded", "failed", "cancelled")`), moving the manual clock. */
async function poll(jobId: string): Promise<{ job: Sora1Job; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const response = await fetch(
      `${endpoint}/openai/v1/video/generations/jobs/${jobId}?api-version=${apiVersion}`,
      { headers },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const job = sora1JobSchema.parse(await response.json());
    if (seen.at(-1) !== job.status) seen.push(job.status);
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return { job, seen };
    emulator.clock.advance(250);
  }
  throw new Error('job never settled');
}

/** Everything after the create: poll, list, generations, content of every generation, delete. */
async function followThrough(
  created: Response,
  expected: { width: number; height: number; n_seconds: number; n_variants: number },
) {
  expect(created.status).toBe(201);
  const job = sora1JobSchema.parse(await created.json());
  expect(job).toMatchObject({
    status: 'queued',
    finished_at: null,
    expires_at: null,
    generations: [],
    failure_reason: null,
    ...expected,
  });
  expect(job.id).toMatch(/^task_[0-9a-z]{26}$/);

  const { job: done, seen } = await poll(job.id);
  expect(seen).toEqual(['queued', 'preprocessing', 'running', 'processing', 'succeeded']);
  expect(done.finished_at).not.toBeNull();
  expect(done.expires_at).toBe((done.finished_at as number) + 86_400);
  expect(done.generations).toHaveLength(expected.n_variants);
  expect(new Set(done.generations.map((g) => g.id)).size).toBe(expected.n_variants);

  const list = sora1JobListSchema.parse(
    await (
      await fetch(`${endpoint}/openai/v1/video/generations/jobs?api-version=${apiVersion}&limit=50`, {
        headers,
      })
    ).json(),
  );
  expect(list.data.map((j) => j.id)).toContain(job.id);

  const videos: Uint8Array[] = [];
  for (const generation of done.generations) {
    expect(generation.id).toMatch(/^gen_[0-9a-z]{26}$/);
    const base = `${endpoint}/openai/v1/video/generations/${generation.id}`;
    const got = sora1GenerationSchema.parse(
      await (await fetch(`${base}?api-version=${apiVersion}`, { headers })).json(),
    );
    expect(got).toEqual(generation);

    const video = await fetch(`${base}/content/video?api-version=${apiVersion}`, { headers });
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(video.headers.get('accept-ranges')).toBe('bytes');
    expect(video.headers.get('last-modified')).toBe(
      new Date((done.finished_at as number) * 1000).toUTCString(),
    );
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(Number(video.headers.get('content-length'))).toBe(bytes.byteLength);
    const info = await probe(bytes, `${generation.id}.mp4`);
    expect(info.streams.map((s) => s.codec_type)).toEqual(['video']);
    expect(info.streams[0]).toMatchObject({
      codec_name: 'h264',
      width: expected.width,
      height: expected.height,
    });
    expect(Number(info.streams[0]?.duration)).toBe(expected.n_seconds);
    videos.push(bytes);

    const head = await fetch(`${base}/content/video?api-version=${apiVersion}&quality=high`, {
      method: 'HEAD',
      headers,
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const low = await fetch(`${base}/content/video?api-version=${apiVersion}&quality=low`, { headers });
    const lowInfo = await probe(new Uint8Array(await low.arrayBuffer()), `${generation.id}-low.mp4`);
    expect(lowInfo.streams[0]).toMatchObject({
      width: Math.floor(expected.width / 4) * 2,
      height: Math.floor(expected.height / 4) * 2,
    });

    const thumbnail = await fetch(`${base}/content/thumbnail?api-version=${apiVersion}`, { headers });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpg');
    const thumbInfo = await probe(new Uint8Array(await thumbnail.arrayBuffer()), `${generation.id}.jpg`);
    expect(thumbInfo.streams[0]).toMatchObject({
      codec_name: 'mjpeg',
      width: expected.width,
      height: expected.height,
    });
  }
  for (let i = 1; i < videos.length; i++)
    expect(Buffer.from(videos[i] as Uint8Array).equals(Buffer.from(videos[0] as Uint8Array))).toBe(false);

  const removed = await fetch(
    `${endpoint}/openai/v1/video/generations/jobs/${job.id}?api-version=${apiVersion}`,
    { method: 'DELETE', headers },
  );
  expect(removed.status).toBe(204);
  expect(await removed.text()).toBe('');
  const gone = await fetch(
    `${endpoint}/openai/v1/video/generations/jobs/${job.id}?api-version=${apiVersion}`,
    { headers },
  );
  expect(gone.status).toBe(404);
  sora1WrappedErrorSchema.parse(await gone.json());
  const goneContent = await fetch(
    `${endpoint}/openai/v1/video/generations/${done.generations[0]?.id}/content/video`,
    { headers },
  );
  expect(goneContent.status).toBe(404);
  return { job: done, videos };
}

describe('Learn REST quickstart, raw fetch', () => {
  it('text to video (JSON body as in the quickstart), two variants', async () => {
    const body = {
      prompt: 'A cat playing piano in a jazz bar.',
      width: 480,
      height: 480,
      n_seconds: 5,
      model: 'sora',
      n_variants: 2,
    };
    const created = await fetch(`${endpoint}/openai/v1/video/generations/jobs?api-version=${apiVersion}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    await followThrough(created, { width: 480, height: 480, n_seconds: 5, n_variants: 2 });
  });

  it('text to video with numeric strings and a Bearer key (the Foundry portal curl)', async () => {
    const body = {
      model: 'sora',
      prompt: 'A rocket landing on mars',
      height: '480',
      width: '854',
      n_seconds: '2',
      n_variants: '1',
    };
    const created = await fetch(`${endpoint}/openai/v1/video/generations/jobs?api-version=${apiVersion}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await followThrough(created, { width: 854, height: 480, n_seconds: 2, n_variants: 1 });
  });

  it('image to video: multipart, inpaint_items as a JSON string, a files part; the image shows from frame_index', async () => {
    // The quickstart's fields, verbatim (data=...), with its crop bounds.
    const fields = {
      prompt: 'A serene forest scene transitioning into autumn',
      height: String(1080),
      width: String(1920),
      n_seconds: String(10),
      n_variants: String(1),
      model: 'sora',
      inpaint_items: JSON.stringify([
        {
          frame_index: 0,
          type: 'image',
          file_name: 'dog_swimming.jpg',
          crop_bounds: { left_fraction: 0.1, top_fraction: 0.1, right_fraction: 0.9, bottom_fraction: 0.9 },
        },
      ]),
    };
    const created = await createWithFile(fields, 'dog_swimming.jpg', 'image/jpeg');
    const { job, videos } = await followThrough(created, {
      width: 1920,
      height: 1080,
      n_seconds: 10,
      n_variants: 1,
    });
    expect(job.inpaint_items).toEqual(JSON.parse(fields.inpaint_items));
    const [frame] = await firstFrames(videos[0] as Uint8Array, 'image-input.mp4', 1920, 1080, 1);
    const luma = (frame as Buffer).subarray(0, 1920 * 1080);
    // ffmpeg's red JPEG decodes to Y ~ 81 (BT.601): a large area of the first frame shows it.
    const red = luma.filter((v) => Math.abs(v - 81) <= 6).length;
    expect(red).toBeGreaterThan(400 * 300);
  });

  it('video to video: the frames from frame_index carry a panel with the input name, size and duration', async () => {
    const fields = {
      prompt: 'A dog swimming in a pool',
      height: '480',
      width: '480',
      n_seconds: '2',
      n_variants: '1',
      model: 'sora',
      inpaint_items: JSON.stringify([
        {
          frame_index: 15,
          type: 'video',
          file_name: 'dog_swimming.mp4',
          crop_bounds: { left_fraction: 0.1, top_fraction: 0.1, right_fraction: 0.9, bottom_fraction: 0.9 },
        },
      ]),
    };
    const created = await createWithFile(fields, 'dog_swimming.mp4', 'video/mp4');
    const createdJob = sora1JobSchema.parse(await created.clone().json());
    const record = emulator.engine.getJob(`azure:${KEY}`, createdJob.id).job;
    const overlays = await inputOverlays(record.inputs);
    expect(overlays).toEqual([
      { kind: 'panel', fromFrame: 15, lines: ['INPUT VIDEO', 'dog_swimming.mp4', '320x240 3.00 S'] },
    ]);
    const { job, videos } = await followThrough(created, {
      width: 480,
      height: 480,
      n_seconds: 2,
      n_variants: 1,
    });
    const generationId = job.generations[0]?.id as string;
    const scene = {
      width: 480,
      height: 480,
      seconds: 2,
      seed: generationId,
      caption: job.prompt,
      label: generationId,
    };
    const plain = createScene(scene);
    const withPanel = createScene({ ...scene, overlays });
    const frames = await firstFrames(videos[0] as Uint8Array, 'video-input.mp4', 480, 480, 16);
    const yOf = (i: number) => (frames[i] as Buffer).subarray(0, 480 * 480);
    expect(yOf(14).equals(Buffer.from(plain.frameAt(14).y))).toBe(true);
    expect(yOf(15).equals(Buffer.from(withPanel.frameAt(15).y))).toBe(true);
    expect(yOf(15).equals(Buffer.from(plain.frameAt(15).y))).toBe(false);
  });
});
