import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SoraBackendId } from '@sora-kit/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

let dir: string;
let red: string;
let blue: string;
let clip: string;

function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sora-kit-inputs-'));
  red = join(dir, 'red.jpg');
  blue = join(dir, 'blue.png');
  clip = join(dir, 'clip.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'color=c=red:s=1280x720', '-frames:v', '1', red);
  ffmpeg('-f', 'lavfi', '-i', 'color=c=blue:s=1280x720', '-frames:v', '1', blue);
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=s=1280x720:r=30:d=2', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', clip);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('media inputs against the emulator', () => {
  let driver: EmulatorDriver;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  const inputsOf = (jobId: string) =>
    driver.emulator.control.jobs().find(({ record }) => record.id === jobId)?.record.inputs ?? [];

  it('Sora 1 image-to-video: two images (a path and bytes) placed by frame, with a crop', async () => {
    const client = emulatorClient(driver, 'azure-sora1');
    // Inputs are read from disk before the request: create outside driver.run (no timers), then wait.
    const created = await client.create({
      prompt: 'a red screen turning blue',
      size: '1280x720',
      seconds: 4,
      inputs: [
        { kind: 'image', source: { path: red } },
        {
          kind: 'image',
          source: new Uint8Array(readFileSync(blue)),
          fileName: 'blue.png',
          frameIndex: 90,
          crop: { left: 0.1, right: 0.9 },
        },
      ],
    });
    const job = await driver.run(client.wait(created));
    expect(job.status).toBe('completed');
    const inputs = inputsOf(job.id);
    expect(
      inputs.map(({ kind, fileName, frameIndex, mediaType }) => ({ kind, fileName, frameIndex, mediaType })),
    ).toEqual([
      { kind: 'image', fileName: 'red.jpg', frameIndex: 0, mediaType: 'image/jpeg' },
      { kind: 'image', fileName: 'blue.png', frameIndex: 90, mediaType: 'image/png' },
    ]);
    expect(inputs[1]?.crop).toEqual({ left: 0.1, top: 0, right: 0.9, bottom: 1 });
    expect(inputs[0]?.bytes?.byteLength).toBe(readFileSync(red).byteLength);
  });

  it('Sora 1 video-to-video: one short MP4 as a Blob', async () => {
    const client = emulatorClient(driver, 'azure-sora1');
    const created = await client.create({
      prompt: 'the test pattern, continued',
      size: '1280x720',
      seconds: 5,
      inputs: [{ kind: 'video', source: new Blob([readFileSync(clip)], { type: 'video/mp4' }), seconds: 2 }],
    });
    const job = await driver.run(client.wait(created));
    expect(job.status).toBe('completed');
    const [input] = inputsOf(job.id);
    expect(input?.kind).toBe('video');
    expect(input?.mediaType).toBe('video/mp4');
    expect(input?.bytes?.byteLength).toBe(readFileSync(clip).byteLength);
  });

  it.each<SoraBackendId>(['openai-sora2', 'azure-sora2'])(
    'Sora 2 input_reference on %s from a path',
    async (backend) => {
      const client = emulatorClient(driver, backend);
      const created = await client.create({
        prompt: 'a red screen',
        size: '1280x720',
        seconds: 4,
        inputs: [{ kind: 'image', source: { path: red } }],
      });
      const job = await driver.run(client.wait(created));
      expect(job.status).toBe('completed');
      const [input] = inputsOf(job.id);
      expect(input?.kind).toBe('image');
      expect(input?.mediaType).toBe('image/jpeg');
      expect(input?.bytes?.byteLength).toBe(readFileSync(red).byteLength);
    },
  );

  it('Sora 2 refuses an input_reference of the wrong size with the service error', async () => {
    const client = emulatorClient(driver, 'openai-sora2');
    const error = await client
      .create({
        prompt: 'a red screen',
        size: '720x1280',
        seconds: 4,
        inputs: [{ kind: 'image', source: { path: red } }],
      })
      .catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/width and height|size/i);
  });
});
