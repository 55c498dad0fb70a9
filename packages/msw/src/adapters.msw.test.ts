import type { SoraBackendId } from '@sora-kit/core';
import { setupServer } from 'msw/node';
import { type CreateVideoClientOptions, createVideoClient } from 'sora-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';

// The clients keep their default clock (Date.now) and delay (setTimeout); with fake timers and
// the emulator bound to Date.now, client and emulator share one fake time line.
const { handlers, emulator } = createSoraHandlers({ clock: 'fake-timers', seed: 1, logLevel: 'silent' });
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

/** Each backend at its default public host. */
function clientOptions(backend: SoraBackendId): CreateVideoClientOptions {
  const time = { random: () => 0.5 };
  switch (backend) {
    case 'openai-sora2':
      return { backend, apiKey: 'sk-test', ...time };
    case 'azure-sora2':
      return {
        backend,
        apiKey: 'az-key',
        endpoint: 'https://myres.openai.azure.com',
        deployment: 'sora-2',
        ...time,
      };
    case 'azure-sora1':
      return {
        backend,
        apiKey: 'az-key',
        endpoint: 'https://myres.openai.azure.com/',
        deployment: 'sora',
        ...time,
      };
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe.each<SoraBackendId>(['openai-sora2', 'azure-sora2', 'azure-sora1'])(
  'sora-kit %s through MSW',
  (backend) => {
    it('generate() completes on emulated time and the MP4 downloads', async () => {
      const client = createVideoClient(clientOptions(backend));
      const progress: number[] = [];
      const generating = client.generate(
        { prompt: 'a red balloon over a lake', size: '1280x720', seconds: 4 },
        { onProgress: (event) => progress.push(event.progress) },
      );
      await vi.advanceTimersByTimeAsync(UNTIL_SETTLED_MS);
      const job = await generating;
      expect(job.status).toBe('completed');
      expect(job.backend).toBe(backend);
      expect(progress.at(-1)).toBe(100);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));

      const download = await client.download(job);
      expect(download.contentType).toBe('video/mp4');
      const bytes = await readAll(download.stream);
      expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');

      const listed = emulator.control.jobs().map(({ record }) => record.partition);
      expect(listed).toEqual([backend === 'openai-sora2' ? 'openai:sk-test' : 'azure:az-key']);
    });
  },
);
