import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFal } from '@ai-sdk/fal';
import { JobFailedError } from '@sora-kit/core';
import { createTestClock } from '@sora-kit/core/testing';
import { createVideoClient } from 'sora-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromAiSdkVideoModel } from './from-ai-sdk-video-model.js';
import { probeVideo, testMp4 } from './test-support/probe-video.js';

// A real AI SDK provider package (@ai-sdk/fal, its VideoModelV4 over fal's queue API) with its
// `fetch` injected. The responses are recorded-shape copies of fal's queue API (submit, "still in
// progress", the luma-dream-machine output; see __fixtures__/fal/README.md); the video URL on
// fal's CDN is answered with a real H.264 MP4 made by ffmpeg. No network.
const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/fal/${name}`, import.meta.url), 'utf8');
const SUBMIT = JSON.parse(fixture('submit.response.json')) as { response_url: string };
const COMPLETED = JSON.parse(fixture('completed.response.json')) as { video: { url: string } };

interface Seen {
  method: string;
  url: string;
  body: unknown;
  authorization: string | null;
}

/** fal's queue as recorded: `pending` "still in progress" reads, then `outcome`. */
function falFetch(mp4: Uint8Array, pending: number, outcome: 'completed' | 'failed' = 'completed') {
  const seen: Seen[] = [];
  let reads = 0;
  const json = (body: string, status = 200) =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } });
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = request.method === 'POST' ? await request.text() : '';
    seen.push({
      method: request.method,
      url: request.url,
      body: text ? JSON.parse(text) : undefined,
      authorization: request.headers.get('authorization'),
    });
    if (request.method === 'POST' && request.url === 'https://queue.fal.run/fal-ai/luma-dream-machine')
      return json(fixture('submit.response.json'));
    if (request.method === 'GET' && request.url === SUBMIT.response_url) {
      reads += 1;
      if (reads <= pending) return json(fixture('in-progress.response.json'), 400);
      return outcome === 'completed'
        ? json(fixture('completed.response.json'))
        : json(fixture('failed.response.json'), 422);
    }
    if (request.method === 'GET' && request.url === COMPLETED.video.url)
      return new Response(mp4 as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': 'video/mp4', 'content-length': String(mp4.byteLength) },
      });
    return json('{"detail":"Not Found"}', 404);
  };
  return { fetchImpl, seen };
}

let mp4: Uint8Array;
beforeAll(() => {
  mp4 = testMp4('1280x720', 2);
});

describe('fromAiSdkVideoModel over @ai-sdk/fal (recorded-shape fixtures)', () => {
  it('generates with the defaults of luma-dream-machine and streams the CDN video to disk', async () => {
    const clock = createTestClock();
    const { fetchImpl, seen } = falFetch(mp4, 2);
    const fal = createFal({ apiKey: 'fal-test-key', fetch: fetchImpl });
    const provider = fromAiSdkVideoModel(fal.video('luma-dream-machine'), {
      fetch: fetchImpl,
      now: clock.now,
    });
    const client = createVideoClient({ provider, clock, delay: clock.delay, random: () => 0.5 });

    const job = await clock.run(
      client.generate({ prompt: 'a red fox trotting through snow', size: '1280x720', seconds: 5 }),
    );
    expect(job).toMatchObject({
      status: 'completed',
      backend: 'fal.video:luma-dream-machine',
      width: 1280,
      seconds: 5,
    });
    expect(seen[0]).toEqual({
      method: 'POST',
      url: 'https://queue.fal.run/fal-ai/luma-dream-machine',
      body: { prompt: 'a red fox trotting through snow', aspect_ratio: '16:9', duration: '5s' },
      authorization: 'Key fal-test-key',
    });
    expect(seen.filter((request) => request.url === SUBMIT.response_url)).toHaveLength(3);

    const dir = await mkdtemp(join(tmpdir(), 'sora-kit-fal-'));
    const saved = await client.downloadToFile(job, join(dir, 'fox.mp4'));
    expect(saved).toMatchObject({ bytes: mp4.byteLength, contentType: 'video/mp4' });
    expect(probeVideo(readFileSync(saved.path))).toMatchObject({ width: 1280, height: 720, codec: 'h264' });
    expect(seen.at(-1)?.url).toBe(COMPLETED.video.url);
  });

  it('resumes from a handle in a new client, and reports a failed request as a failed job', async () => {
    const clock = createTestClock();
    const { fetchImpl } = falFetch(mp4, 1);
    const start = createVideoClient({
      provider: fromAiSdkVideoModel(
        createFal({ apiKey: 'k', fetch: fetchImpl }).video('luma-dream-machine'),
        { fetch: fetchImpl },
      ),
      clock,
      delay: clock.delay,
    });
    const handle = start.toHandle(
      await clock.run(start.create({ prompt: 'a kite', size: '720x1280', seconds: 9 })),
    );
    const resume = createVideoClient({
      provider: fromAiSdkVideoModel(
        createFal({ apiKey: 'k', fetch: fetchImpl }).video('luma-dream-machine'),
        { fetch: fetchImpl },
      ),
      clock,
      delay: clock.delay,
    });
    const done = await clock.run(resume.wait(handle));
    expect(done).toMatchObject({ status: 'completed', width: 720, height: 1280, seconds: 9 });

    const failing = falFetch(mp4, 0, 'failed');
    const client = createVideoClient({
      provider: fromAiSdkVideoModel(
        createFal({ apiKey: 'k', fetch: failing.fetchImpl }).video('luma-dream-machine'),
      ),
      clock,
      delay: clock.delay,
    });
    const error = await clock.run(
      client.generate({ prompt: 'x', seconds: 5 }).catch((caught: unknown) => caught),
    );
    expect(JobFailedError.isInstance(error)).toBe(true);
  });
});
