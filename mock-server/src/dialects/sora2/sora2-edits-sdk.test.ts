/**
 * The official openai SDK's edit, extend, createCharacter and getCharacter, unchanged, against
 * the emulator over HTTP; results checked with ffprobe. Also every limit answered with a 400
 * naming the field, and the Azure host answering these routes as Azure (its 404).
 */

import { execFileSync } from 'node:child_process';
import { sora2CharacterSchema, sora2VideoSchema } from '@sora-kit/core/wire';
import OpenAI, { AzureOpenAI, type BadRequestError, NotFoundError, toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../../emulator.js';
import { renderVideo } from '../../media/render-video.js';
import { probeCsv, probeStreams, tempFile } from '../../test-support/ffmpeg.js';
import { sora2RenderRequest } from './sora2-media.js';

const KEY = 'sk-edits';
const OTHER = 'sk-someone-else';

interface Probe {
  streams: { codec_type: string; width?: number; height?: number }[];
  format: { duration: string };
}

const servers: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(): Promise<{ emulator: Emulator; url: string; client: OpenAI }> {
  const emulator = createEmulator({ clock: 'manual', seed: 'edits' });
  const server = await emulator.listen(0);
  servers.push(server);
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });
  return { emulator, url: server.url, client };
}

async function completed(emulator: Emulator, client: OpenAI, id: string): Promise<OpenAI.Videos.Video> {
  // To the moment the video settles, whatever the timing profile (realistic by default with the
  // manual clock: a 112 s extension takes over 10 min).
  const entry = emulator.control.jobs().find(({ record }) => record.id === id);
  const settlesAt = entry?.state.kind === 'present' ? entry.state.settlesAt : emulator.clock.now();
  emulator.clock.advance(Math.max(0, settlesAt - emulator.clock.now()));
  const video = await client.videos.retrieve(id);
  expect(video.status).toBe('completed');
  return video;
}

async function download(
  client: OpenAI,
  id: string,
): Promise<{ bytes: Uint8Array; probe: Probe; file: string }> {
  const bytes = new Uint8Array(await (await client.videos.downloadContent(id)).arrayBuffer());
  const file = tempFile(bytes, `${id}.mp4`);
  return { bytes, probe: probeStreams<Probe>(file), file };
}

const SMALL_W = 160;
const SMALL_H = 90;
const SMALL_FRAME = SMALL_W * SMALL_H * 3;

/** Every frame, scaled down to 160x90 RGB by the real ffmpeg (full frames would not fit a buffer). */
function smallFrames(file: string): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      `scale=${SMALL_W}:${SMALL_H}`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: 1 << 28 },
  );
}

/** Mean absolute difference of two frames of {@link smallFrames}. */
function frameDifference(frames: Buffer, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < SMALL_FRAME; i++)
    sum += Math.abs((frames[a * SMALL_FRAME + i] ?? 0) - (frames[b * SMALL_FRAME + i] ?? 0));
  return sum / SMALL_FRAME;
}

const videoStream = (probe: Probe) => probe.streams.find((stream) => stream.codec_type === 'video');

async function errorOf(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('expected an API error');
}

async function clip(seconds: number, width = 720, height = 1280): Promise<File> {
  const bytes = await renderVideo({
    width,
    height,
    seconds,
    seed: 'clip',
    caption: 'a mossy troll',
    audio: false,
  });
  return toFile(bytes, 'mossy.mp4', { type: 'video/mp4' }) as Promise<File>;
}

describe('the openai SDK edit / extend / createCharacter / getCharacter against the emulator', () => {
  it('edit by id keeps the source size and seconds and shows the edit prompt; by upload, the upload size', async () => {
    const { emulator, client } = await start();
    const source = await client.videos.create({
      prompt: 'a red balloon',
      model: 'sora-2-pro',
      size: '1280x720',
      seconds: '8',
    });
    await completed(emulator, client, source.id);
    const edit = await client.videos.edit({ prompt: 'the same balloon at night', video: { id: source.id } });
    sora2VideoSchema.parse(edit);
    expect(edit).toMatchObject({
      status: 'queued',
      model: 'sora-2-pro',
      size: '1280x720',
      seconds: '8',
      prompt: 'the same balloon at night',
      remixed_from_video_id: null,
    });
    await completed(emulator, client, edit.id);
    const { probe } = await download(client, edit.id);
    expect(videoStream(probe)).toMatchObject({ width: 1280, height: 720 });
    expect(Number(probe.format.duration)).toBeCloseTo(8, 1);
    expect(emulator.engine.getJob(`openai:${KEY}`, edit.id).job.editedFromId).toBe(source.id);

    const uploaded = await client.videos.edit({ prompt: 'add snow', video: await clip(4) });
    expect(uploaded).toMatchObject({ size: '720x1280', seconds: '4', model: 'sora-2' });
    await completed(emulator, client, uploaded.id);
    const upload = await download(client, uploaded.id);
    expect(videoStream(upload.probe)).toMatchObject({ width: 720, height: 1280 });
    expect(Number(upload.probe.format.duration)).toBeCloseTo(4, 1);
  });

  it('extend lasts the stitched total, with the source part and the extension visibly different', async () => {
    const { emulator, client } = await start();
    const source = await client.videos.create({ prompt: 'a red balloon', size: '1280x720', seconds: '4' });
    await completed(emulator, client, source.id);
    const extension = await client.videos.extend({
      prompt: 'it drifts into a storm',
      seconds: '8',
      video: { id: source.id },
    });
    sora2VideoSchema.parse(extension);
    expect(extension).toMatchObject({
      seconds: '12',
      size: '1280x720',
      model: 'sora-2',
      prompt: 'it drifts into a storm',
    });
    await completed(emulator, client, extension.id);
    const { probe, file } = await download(client, extension.id);
    expect(videoStream(probe)).toMatchObject({ width: 1280, height: 720 });
    expect(probeCsv(file, 'stream=nb_read_frames', { selectStreams: 'v:0', countFrames: true })).toBe('360');
    expect(Number(probe.format.duration)).toBeCloseTo(12, 1);
    // Frames 119 (end of the source part) and 120 (start of the extension) differ far more than
    // two neighbours within a part.
    const frames = smallFrames(file);
    expect(frames.length).toBe(360 * SMALL_FRAME);
    const seam = frameDifference(frames, 119, 120);
    expect(seam).toBeGreaterThan(
      4 * Math.max(frameDifference(frames, 118, 119), frameDifference(frames, 120, 121)),
    );

    const again = await client.videos.extend({
      prompt: 'and the sun comes out',
      // The SDK's type lags the documented 4..20 s extension lengths.
      seconds: '20' as '4',
      video: { id: extension.id },
    });
    expect(again.seconds).toBe('32');
  });

  it('createCharacter and getCharacter: per credential, never expiring, placed as a panel on create', async () => {
    const { emulator, url, client } = await start();
    const character = await client.videos.createCharacter({ name: 'Mossy', video: await clip(3) });
    sora2CharacterSchema.parse(character);
    expect(character.id).toMatch(/^char_[0-9a-f]{32}$/);
    expect(character).toMatchObject({ name: 'Mossy', created_at: Math.floor(emulator.clock.now() / 1000) });
    emulator.clock.advance(400 * 86_400_000);
    expect(await client.videos.getCharacter(character.id as string)).toEqual(character);
    const stranger = new OpenAI({ baseURL: `${url}/v1`, apiKey: OTHER, maxRetries: 0 });
    expect(await errorOf(stranger.videos.getCharacter(character.id as string))).toBeInstanceOf(NotFoundError);

    const placed = await client.videos.create({
      prompt: 'Mossy waves',
      size: '1280x720',
      characters: [{ id: character.id as string }],
    } as OpenAI.Videos.VideoCreateParams);
    await completed(emulator, client, placed.id);
    const withPanel = await download(client, placed.id);
    const plain = await client.videos.create({ prompt: 'Mossy waves', size: '1280x720' });
    await completed(emulator, client, plain.id);
    const without = await download(client, plain.id);
    // Same prompt and size; only the character panel (and the seed) differ; the panel's yellow
    // frame is in the band of every frame of the placed video.
    // Against the same video rendered without its character, frame 0 differs in a panel-sized
    // box: the panel is there from the first frame.
    const firstFrame = (file: string) =>
      execFileSync(
        'ffmpeg',
        ['-v', 'error', '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
        {
          maxBuffer: 1 << 26,
        },
      );
    const record = emulator.engine.getJob(`openai:${KEY}`, placed.id).job;
    expect(record.characters).toEqual([{ id: character.id, name: 'Mossy' }]);
    const { overlays: _overlays, overlayKey: _key, ...bare } = sora2RenderRequest(record, 'video');
    const reference = firstFrame(tempFile(await emulator.media.get(bare), 'bare.mp4'));
    const shown = firstFrame(withPanel.file);
    let changed = 0;
    for (let i = 0; i < shown.length; i += 3) {
      if (
        Math.abs((shown[i] ?? 0) - (reference[i] ?? 0)) +
          Math.abs((shown[i + 2] ?? 0) - (reference[i + 2] ?? 0)) >
        60
      )
        changed++;
    }
    expect(changed).toBeGreaterThan(5000);
    expect(changed).toBeLessThan((1280 * 720) / 4);
    expect(videoStream(without.probe)).toMatchObject({ width: 1280, height: 720 });

    const unknown = await errorOf(
      client.videos.create({
        prompt: 'x',
        characters: [{ id: 'char_nope' }],
      } as OpenAI.Videos.VideoCreateParams),
    );
    expect([unknown.status, (unknown as BadRequestError).param]).toEqual([400, 'characters']);
    const three = await errorOf(
      client.videos.create({
        prompt: 'x',
        characters: [{ id: character.id }, { id: character.id }, { id: character.id }],
      } as OpenAI.Videos.VideoCreateParams),
    );
    expect([three.status, (three as BadRequestError).param]).toEqual([400, 'characters']);
  });

  it('answers every limit with a 400 naming the field', async () => {
    const { emulator, client } = await start();
    const running = await client.videos.create({ prompt: 'a red balloon', seconds: '12' });
    const notDone = await errorOf(client.videos.edit({ prompt: 'x', video: { id: running.id } }));
    expect([notDone.status, (notDone as BadRequestError).param, notDone.type]).toEqual([
      400,
      'video',
      'invalid_request_error',
    ]);
    expect(notDone.message).toContain('only completed videos can be edited');
    expect((await errorOf(client.videos.edit({ prompt: 'x', video: { id: 'video_missing' } }))).status).toBe(
      404,
    );
    await completed(emulator, client, running.id);

    const bad = await errorOf(
      client.videos.extend({ prompt: 'x', seconds: '24' as '4', video: { id: running.id } }),
    );
    expect([bad.status, (bad as BadRequestError).param]).toEqual([400, 'seconds']);
    let id = running.id;
    for (const seconds of ['20', '20', '20', '20', '20'] as const) {
      id = (await client.videos.extend({ prompt: 'on', seconds: seconds as '4', video: { id } })).id;
      await completed(emulator, client, id);
    }
    expect((await client.videos.retrieve(id)).seconds).toBe('112');
    const total = await errorOf(client.videos.extend({ prompt: 'x', seconds: '12', video: { id } }));
    expect([total.status, (total as BadRequestError).param]).toEqual([400, 'seconds']);
    expect(total.message).toContain('at most 120 s');
    id = (await client.videos.extend({ prompt: 'last', seconds: '8', video: { id } })).id;
    await completed(emulator, client, id);
    const seventh = await errorOf(client.videos.extend({ prompt: 'x', seconds: '4', video: { id } }));
    expect([seventh.status, (seventh as BadRequestError).param]).toEqual([400, 'seconds']);
    expect(seventh.message).toContain('at most 6 times');
    const extra = await errorOf(
      client.videos.extend({
        prompt: 'x',
        seconds: '4',
        video: { id: running.id },
        model: 'sora-2',
      } as never),
    );
    expect([extra.status, (extra as BadRequestError).param]).toEqual([400, 'model']);

    const garbage = await errorOf(
      client.videos.edit({
        prompt: 'x',
        video: await toFile(new TextEncoder().encode('not a video'), 'x.mp4'),
      }),
    );
    expect([garbage.status, (garbage as BadRequestError).param, (garbage as BadRequestError).code]).toEqual([
      400,
      'video',
      'invalid_video_format',
    ]);
    const wrongSize = await errorOf(client.videos.edit({ prompt: 'x', video: await clip(2, 640, 360) }));
    expect([wrongSize.status, (wrongSize as BadRequestError).param]).toEqual([400, 'video']);
    const badClip = await errorOf(
      client.videos.createCharacter({ name: 'X', video: await toFile(new Uint8Array([1, 2, 3]), 'x.mp4') }),
    );
    expect([badClip.status, (badClip as BadRequestError).param]).toEqual([400, 'video']);
    const longName = await errorOf(
      client.videos.createCharacter({ name: 'x'.repeat(81), video: await clip(2) }),
    );
    expect([longName.status, (longName as BadRequestError).param]).toEqual([400, 'name']);
    const noName = await errorOf(client.videos.createCharacter({ name: '', video: await clip(2) }));
    expect([noName.status, (noName as BadRequestError).param]).toEqual([400, 'name']);
  });

  it('the Azure host answers edits, extensions and characters as Azure answers a path it does not serve', async () => {
    const { url } = await start();
    const azure = new AzureOpenAI({
      baseURL: `${url}/openai/v1`,
      apiKey: KEY,
      apiVersion: 'preview',
      maxRetries: 0,
    });
    const upload = await clip(1);
    const calls = [
      azure.videos.edit({ prompt: 'x', video: { id: 'video_1' } }),
      azure.videos.extend({ prompt: 'x', seconds: '4', video: { id: 'video_1' } }),
      azure.videos.createCharacter({ name: 'X', video: upload }),
      azure.videos.getCharacter('char_1'),
    ];
    for (const error of await Promise.all(calls.map(errorOf))) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.error).toEqual({ code: '404', message: 'Resource not found' });
    }
  });
});
