import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupClient } from './test-support/setup-client.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sora-kit-download-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 31 + 7) % 256);

describe('VideoClient downloads and listing', () => {
  it('downloadToFile writes exactly the served bytes and nothing else', async () => {
    const content = bytes(100_003);
    const { clock, client } = setupClient({ content, chunkSize: 4096 });
    const job = await clock.run(client.generate({ prompt: 'x' }));
    const path = join(dir, 'clip.mp4');
    const result = await client.downloadToFile(job, path);
    expect(result).toEqual({ path, bytes: content.length, contentType: 'video/mp4' });
    expect(new Uint8Array(await readFile(path))).toEqual(content);
    expect(await readdir(dir)).toEqual(['clip.mp4']);
  });

  it('download({ output }) asks the provider for that output, given as an output or its id', async () => {
    const { clock, provider, client } = setupClient();
    const job = await clock.run(client.generate({ prompt: 'x' }));
    await client.download(job, { variant: 'thumbnail', output: { ...job.outputs[0]!, id: 'gen_b' } });
    await client.download(job, { output: 'gen_c' });
    await client.download(job, { outputId: 'gen_d' });
    expect(provider.downloadOptions.map(({ variant, outputId }) => ({ variant, outputId }))).toEqual([
      { variant: 'thumbnail', outputId: 'gen_b' },
      { variant: undefined, outputId: 'gen_c' },
      { variant: undefined, outputId: 'gen_d' },
    ]);
  });

  it('leaves no partial file, and an existing file untouched, when the stream breaks', async () => {
    const { clock, client } = setupClient({ content: bytes(64), chunkSize: 8, failDownloadAfterBytes: 24 });
    const job = await clock.run(client.generate({ prompt: 'x' }));
    await expect(client.downloadToFile(job, join(dir, 'new.mp4'))).rejects.toThrow(
      'connection reset mid-stream',
    );
    expect(await readdir(dir)).toEqual([]);
    await writeFile(join(dir, 'old.mp4'), 'previous');
    await expect(client.downloadToFile(job, join(dir, 'old.mp4'))).rejects.toThrow('mid-stream');
    expect(await readdir(dir)).toEqual(['old.mp4']);
    expect(await readFile(join(dir, 'old.mp4'), 'utf8')).toBe('previous');
  });

  it('list() iterates every page; listPage() returns one', async () => {
    const { clock, provider, client } = setupClient();
    for (let index = 0; index < 5; index++) await clock.run(client.create({ prompt: `clip ${index}` }));
    const ids: string[] = [];
    for await (const job of client.list({ limit: 2 })) ids.push(job.id);
    expect(ids).toEqual(['video_0004', 'video_0003', 'video_0002', 'video_0001', 'video_0000']);
    expect(provider.calls.list).toBe(3);
    const page = await client.listPage({ limit: 2, cursor: '2' });
    expect(page.jobs.map((job) => job.id)).toEqual(['video_0002', 'video_0001']);
    expect(page.nextCursor).toBe('4');
  });

  it('list() frees the slots of jobs it sees finished', async () => {
    const { clock, client } = setupClient({}, { maxConcurrentJobs: 2 });
    await clock.run(client.create({ prompt: 'a' }));
    await clock.run(client.create({ prompt: 'b' }));
    expect(client.hasFreeSlot()).toBe(false);
    await clock.advance(20_000);
    for await (const _job of client.list()) {
      // draining the listing is enough
    }
    expect(client.gate.held).toBe(0);
  });
});
