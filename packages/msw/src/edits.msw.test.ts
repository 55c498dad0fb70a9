import net from 'node:net';
import { setupServer } from 'msw/node';
import OpenAI, { NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';

const { handlers, emulator } = createSoraHandlers({ clock: 'manual', seed: 'edits', logLevel: 'silent' });
const server = setupServer(...handlers);
const listen = vi.spyOn(net.Server.prototype, 'listen');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  expect(listen).not.toHaveBeenCalled();
  listen.mockRestore();
});

describe('the new Sora 2 routes through MSW (same app, no socket)', () => {
  it('edit and extend by id on the OpenAI host; the Azure host answers 404 as Azure', async () => {
    const openai = new OpenAI({ apiKey: 'sk-msw', maxRetries: 0 });
    const source = await openai.videos.create({ prompt: 'a red balloon', size: '1280x720', seconds: '4' });
    emulator.clock.advance(10 * 60_000);
    const edit = await openai.videos.edit({ prompt: 'at night', video: { id: source.id } });
    expect(edit).toMatchObject({ size: '1280x720', seconds: '4', prompt: 'at night', status: 'queued' });
    const extension = await openai.videos.extend({
      prompt: 'it rises',
      seconds: '8',
      video: { id: source.id },
    });
    expect(extension.seconds).toBe('12');

    const azure = new OpenAI({
      apiKey: 'azure-key',
      baseURL: 'https://myres.openai.azure.com/openai/v1',
      maxRetries: 0,
    });
    const refused = await azure.videos.getCharacter('char_1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NotFoundError);
    expect((refused as NotFoundError).error).toEqual({ code: '404', message: 'Resource not found' });
  });
});
