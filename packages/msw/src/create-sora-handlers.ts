/**
 * MSW handlers that hand every Sora request to the emulator's one Hono app, in-process (Node
 * entry: a new emulator is `createEmulator`'s, with `listen`).
 * @module
 */
import { createEmulator } from '@sora-kit/emulator';
import type { SoraHandlers, SoraHandlersOptions } from './sora-handlers-options.js';
import { createSoraHandlersWith } from './sora-handlers-with.js';

/**
 * Creates MSW handlers for the OpenAI and Azure Sora APIs, answered by an emulator's app.
 * @example
 * import { setupServer } from 'msw/node';
 * import OpenAI from 'openai';
 * const { handlers, emulator } = createSoraHandlers({ clock: 'manual' });
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * const openai = new OpenAI({ apiKey: 'sk-test' }); // after listen(): the SDK keeps the fetch it finds
 * const video = await openai.videos.create({ model: 'sora-2', prompt: 'a red balloon' });
 * emulator.clock.advance(120_000);
 * (await openai.videos.retrieve(video.id)).status; // 'completed'
 */
export function createSoraHandlers(options: SoraHandlersOptions = {}): SoraHandlers {
  return createSoraHandlersWith(createEmulator, options);
}
