import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { createVideoClient } from 'sora-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';

// Created before vi.useFakeTimers(): the binding only counts forward moves of Date.now() from here.
const { handlers, emulator, syncClock } = createSoraHandlers({ clock: 'fake-timers', logLevel: 'silent' });
/** Past completion of every job here under the manual clock's default (realistic) timing. */
const UNTIL_SETTLED_MS = 120_000;
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  server.resetHandlers();
  emulator.control.reset();
});
afterAll(() => server.close());

describe("clock: 'fake-timers'", () => {
  it('advancing fake timers advances jobs: create, advanceTimersByTimeAsync(2 min), retrieve', async () => {
    const openai = new OpenAI({ apiKey: 'sk-fake', maxRetries: 0 });
    const created = await openai.videos.create({ model: 'sora-2', prompt: 'a red balloon', seconds: '4' });
    expect(created.status).toBe('queued');
    expect((await openai.videos.retrieve(created.id)).status).toBe('queued');

    await vi.advanceTimersByTimeAsync(UNTIL_SETTLED_MS);
    expect((await openai.videos.retrieve(created.id)).status).toBe('completed');
  });

  it('follows vi.setSystemTime forward and ignores moves backwards', async () => {
    const before = syncClock();
    vi.setSystemTime(Date.now() + 3_600_000);
    expect(syncClock()).toBe(before + 3_600_000);
    vi.setSystemTime(Date.now() - 86_400_000);
    expect(syncClock()).toBe(before + 3_600_000);
    vi.advanceTimersByTime(500);
    expect(syncClock()).toBe(before + 3_600_500);
  });

  it('sora-kit: generate() settles while the test advances fake time, not before', async () => {
    // The client's default clock and delay are Date.now() and setTimeout: both fake here.
    const client = createVideoClient({ backend: 'openai-sora2', apiKey: 'sk-fake' });
    let settled = false;
    const job = client.generate({ prompt: 'a red balloon', size: '1280x720', seconds: 4 }).finally(() => {
      settled = true;
    });
    // The pitfall: `await client.generate()` alone never settles, as the poll waits on a fake timer.
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    // The pattern: start the promise, advance fake time, then await it. In-process MSW needs no
    // real I/O, so one advance runs every poll in order.
    await vi.advanceTimersByTimeAsync(UNTIL_SETTLED_MS);
    expect(settled).toBe(true);
    const done = await job;
    expect(done.status).toBe('completed');
    const bytes = new Uint8Array(await new Response((await client.download(done)).stream).arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
  });
});
