import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AbortedError } from '@sora-kit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator } from './embedded-emulator.js';
import { tempDir } from './test-support/capture-io.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const clockOf = async (url: string) =>
  (await (await fetch(`${url}/_emulator/clock`)).json()) as { now_ms: number; speed: number; mode: string };

describe('startEmbeddedEmulator with a data directory', () => {
  it('resumes the saved clock at this command speed', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const first = await startEmbeddedEmulator({ speed: 50, seed: 's', dataDir: dir });
    const before = await clockOf(first.url);
    expect(before.speed).toBe(50);
    await first.close();
    const second = await startEmbeddedEmulator({ speed: 1, seed: 's', dataDir: dir });
    const after = await clockOf(second.url);
    expect(after).toMatchObject({ speed: 1, mode: 'real' });
    expect(after.now_ms).toBeGreaterThanOrEqual(before.now_ms);
    expect(second.location).toBe(join(dir, 'emulator.db'));
    await second.close();
  });

  it('waits while another command holds the directory, and stops waiting when aborted', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const holder = await startEmbeddedEmulator({ speed: 1, seed: 's', dataDir: dir });
    const waited: string[] = [];
    const stop = new AbortController();
    const aborted = startEmbeddedEmulator({
      speed: 1,
      seed: 's',
      dataDir: dir,
      signal: stop.signal,
      onWait: (file) => {
        waited.push(file);
        stop.abort();
      },
    });
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    expect(waited).toEqual([join(dir, 'emulator.db')]);

    let released: () => void = () => {};
    const waiting = new Promise<void>((resolve) => {
      released = resolve;
    });
    const next = startEmbeddedEmulator({ speed: 1, seed: 's', dataDir: dir, onWait: () => released() });
    await waiting;
    await holder.close();
    const opened = await next;
    expect(opened.location).toBe(join(dir, 'emulator.db'));
    await opened.close();
  });
});
