import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVideoClient } from './create-video-client.js';
import { emulatorClientOptions } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

describe('downloadToFile against the emulator', () => {
  let driver: EmulatorDriver;
  let dir: string;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
    dir = mkdtempSync(join(tmpdir(), 'sora-kit-download-'));
  });
  afterEach(async () => {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams a 20 s 1080p Sora 1 video to a file with bounded memory', { timeout: 120_000 }, async () => {
    const path = join(dir, 'balloon.mp4');
    // The part file `downloadToFile` writes, named from the client's random source (fixed at 0.5).
    const part = `${path}.${Math.floor(0.5 * 36 ** 8).toString(36)}.part`;
    let received = 0;
    let largestLag = 0;
    let chunks = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const response = await driver.fetch(input, init);
      if (!new URL(response.url || String(input)).pathname.endsWith('/content/video') || !response.body) {
        return response;
      }
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            received += chunk.byteLength;
            chunks++;
            let onDisk = 0;
            try {
              onDisk = statSync(part).size;
            } catch {
              onDisk = 0;
            }
            largestLag = Math.max(largestLag, received - onDisk);
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: response.status, headers: response.headers });
    };
    const client = createVideoClient({
      ...emulatorClientOptions(driver, 'azure-sora1'),
      fetch: countingFetch,
    });

    const job = await driver.run(
      client.generate({ prompt: 'a red balloon', size: '1920x1080', seconds: 20 }),
    );
    const result = await client.downloadToFile(job, path);

    expect(result.contentType).toBe('video/mp4');
    expect(result.bytes).toBe(statSync(path).size);
    expect(received).toBe(result.bytes);
    expect(chunks).toBeGreaterThan(4);
    // Bounded memory: the client never holds more than a few stream buffers of unwritten bytes.
    expect(largestLag).toBeLessThan(Math.min(1024 * 1024, result.bytes / 2));
    const probe = JSON.parse(
      execFileSync(
        'ffprobe',
        [
          '-v',
          'error',
          '-show_entries',
          'stream=codec_type,width,height:format=duration',
          '-of',
          'json',
          path,
        ],
        {
          encoding: 'utf8',
        },
      ),
    ) as { streams: { codec_type: string; width?: number; height?: number }[]; format: { duration: string } };
    expect(probe.streams.find((stream) => stream.codec_type === 'video')).toMatchObject({
      width: 1920,
      height: 1080,
    });
    expect(Number(probe.format.duration)).toBeCloseTo(20, 0);
    console.info(
      `20 s 1080p: ${result.bytes} bytes in ${chunks} chunks, largest unwritten lag ${largestLag} bytes`,
    );
  });
});
