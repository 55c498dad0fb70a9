import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorServer } from '../emulator.js';
import { probeCsv, tempFile } from '../test-support/ffmpeg.js';

const KEY = 'sk-stream-test';
const servers: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function completedVideo(model: 'sora-2' | 'sora-2-pro' = 'sora-2') {
  const emulator = createEmulator({ clock: 'manual', seed: 'stream', apiKey: KEY });
  const server = await emulator.listen(0);
  servers.push(server);
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: KEY, maxRetries: 0 });
  const video = await client.videos.create({
    prompt: 'a red balloon',
    model,
    size: '1280x720',
    seconds: '4',
  });
  emulator.clock.advance(10 * 60_000);
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/videos/${video.id}/content`, {
      headers: { authorization: `Bearer ${KEY}`, ...headers },
    });
  return { emulator, client, id: video.id, get };
}

describe('MP4 content while it is rendered', () => {
  it('streams the first download as fragments (no length), then serves the same bytes with length and ranges', async () => {
    const { emulator, client, id, get } = await completedVideo();
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('video/mp4');
    expect(first.headers.get('content-length')).toBeNull();
    expect(first.headers.get('transfer-encoding')).toBe('chunked');
    const streamed = Buffer.from(await first.arrayBuffer());
    expect(emulator.media.stats()).toMatchObject({ entries: 1, misses: 1 });

    const cached = await get();
    expect(cached.headers.get('content-length')).toBe(String(streamed.length));
    expect(Buffer.from(await cached.arrayBuffer()).equals(streamed)).toBe(true);
    const sdk = Buffer.from(await (await client.videos.downloadContent(id)).arrayBuffer());
    expect(sdk.equals(streamed)).toBe(true);
    const part = await get({ range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(streamed.subarray(100, 200))).toBe(true);

    const file = tempFile(streamed, 'streamed.mp4');
    expect(probeCsv(file, 'format=format_name')).toContain('mp4');
    expect(probeCsv(file, 'stream=codec_name,width,height', { selectStreams: 'v' })).toBe('h264,1280,720');
    expect(probeCsv(file, 'stream=nb_read_frames', { selectStreams: 'v', countFrames: true })).toBe('120');
    expect(probeCsv(file, 'stream=codec_name', { selectStreams: 'a' })).toBe('aac');
    expect(Number(probeCsv(file, 'format=duration'))).toBeCloseTo(4, 1);
  });

  it('the official SDK downloads a first render whole, the bytes of a later download', async () => {
    const { client, id, get } = await completedVideo();
    const sdk = Buffer.from(await (await client.videos.downloadContent(id)).arrayBuffer());
    const again = await get();
    expect(again.headers.get('content-length')).toBe(String(sdk.length));
    expect(Buffer.from(await again.arrayBuffer()).equals(sdk)).toBe(true);
  });

  it('a Range request during the first render waits for the whole file and answers 206', async () => {
    const { get } = await completedVideo();
    const part = await get({ range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-7\/\d+$/);
    expect(
      Buffer.from(await part.arrayBuffer())
        .subarray(4, 8)
        .toString('latin1'),
    ).toBe('ftyp');
    const whole = await get();
    expect(whole.headers.get('content-length')).toBe(part.headers.get('content-range')?.split('/')[1]);
  });
});
