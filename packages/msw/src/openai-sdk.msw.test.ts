import net from 'node:net';
import { setupServer } from 'msw/node';
import OpenAI, { AzureOpenAI, NotFoundError } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';

const { handlers, emulator } = createSoraHandlers({ clock: 'manual', seed: 1, logLevel: 'silent' });
/** Past completion of every job here under the manual clock's default (realistic) timing. */
const UNTIL_SETTLED_MS = 120_000;
const server = setupServer(...handlers);

// No socket: nothing in this file may call net.Server#listen.
const listen = vi.spyOn(net.Server.prototype, 'listen');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  emulator.control.reset();
});
afterAll(() => {
  server.close();
  expect(listen).not.toHaveBeenCalled();
  listen.mockRestore();
});

const CLIENTS = {
  openai: () => new OpenAI({ apiKey: 'sk-test', maxRetries: 0 }),
  azure: () =>
    new OpenAI({ apiKey: 'azure-key', baseURL: 'https://myres.openai.azure.com/openai/v1', maxRetries: 0 }),
  'azure endpoint form': () =>
    new AzureOpenAI({
      endpoint: 'https://myres.openai.azure.com',
      apiKey: 'azure-key',
      apiVersion: '2025-04-01-preview',
      maxRetries: 0,
    }),
} as const;

describe.each(Object.keys(CLIENTS) as (keyof typeof CLIENTS)[])(
  'openai SDK on the %s host, in-process',
  (host) => {
    it('create, retrieve, list, download, remix and delete', async () => {
      const openai = CLIENTS[host]();
      const created = await openai.videos.create({
        model: 'sora-2',
        prompt: 'a red balloon over a lake',
        seconds: '4',
        size: '1280x720',
      });
      expect(created.status).toBe('queued');
      expect((await openai.videos.retrieve(created.id)).status).toBe('queued');

      emulator.clock.advance(UNTIL_SETTLED_MS);
      const done = await openai.videos.retrieve(created.id);
      expect(done.status).toBe('completed');
      expect(done.progress).toBe(100);

      const page = await openai.videos.list();
      expect(page.data.map((video) => video.id)).toEqual([created.id]);

      const content = await openai.videos.downloadContent(created.id);
      expect(content.headers.get('content-type')).toBe('video/mp4');
      const bytes = new Uint8Array(await content.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');

      const remix = await openai.videos.remix(created.id, { prompt: 'the balloon turns blue' });
      expect(remix.remixed_from_video_id).toBe(created.id);
      emulator.clock.advance(UNTIL_SETTLED_MS);
      expect((await openai.videos.retrieve(remix.id)).status).toBe('completed');

      const deleted = await openai.videos.delete(created.id);
      expect(deleted.deleted).toBe(true);
      await expect(openai.videos.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  },
);

it('opens no port', () => {
  expect(listen).not.toHaveBeenCalled();
});
