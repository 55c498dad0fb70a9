import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';
import { DEFAULT_CONTROL_BASE_URL } from './sora-handlers-options.js';

const { handlers, emulator } = createSoraHandlers({ clock: 'manual', seed: 'scopes', logLevel: 'silent' });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('clock scopes through the MSW handlers', () => {
  it('advance one credential in-process or through the intercepted control API; the other stays queued', async () => {
    const mine = new OpenAI({ apiKey: 'sk-mine', maxRetries: 0 });
    const theirs = new OpenAI({ apiKey: 'sk-theirs', maxRetries: 0 });
    const a = await mine.videos.create({ prompt: 'mine' });
    const b = await theirs.videos.create({ prompt: 'theirs' });

    // Past completion under the manual clock's default (realistic) timing: about 67 s.
    emulator.control.advanceClock(120_000, 'openai:sk-mine');
    expect((await mine.videos.retrieve(a.id)).status).toBe('completed');
    expect((await theirs.videos.retrieve(b.id)).status).toBe('queued');

    const response = await fetch(`${DEFAULT_CONTROL_BASE_URL}/_emulator/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ ms: 2 * 86_400_000, scope: 'openai:sk-mine' }),
    });
    expect(response.status).toBe(200);
    await expect(mine.videos.retrieve(a.id)).rejects.toMatchObject({ status: 404 });
    expect((await theirs.videos.retrieve(b.id)).status).toBe('queued');
  });
});
