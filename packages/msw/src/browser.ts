/**
 * `@sora-kit/msw/browser`: the Sora handlers for MSW's `setupWorker` (a web page, component
 * tests, Storybook, a front end before its back end). A new emulator is
 * `createEmulatorCore` from `@sora-kit/emulator/browser`: no `node:` module on this path.
 * @module
 */
import { createEmulatorCore, type EmulatorCore } from '@sora-kit/emulator/browser';
import type { SoraHandlers, SoraHandlersOptions } from './sora-handlers-options.js';
import { createSoraHandlersWith } from './sora-handlers-with.js';

export { setupWorker } from 'msw/browser';
export { bindEmulatorClock, type TimeSource } from './bind-emulator-clock.js';
export {
  DEFAULT_AZURE_ENDPOINT,
  DEFAULT_CONTROL_BASE_URL,
  DEFAULT_OPENAI_BASE_URL,
  type SoraHandlerList,
  type SoraHandlers,
  type SoraHandlersOptions,
} from './sora-handlers-options.js';

/**
 * Creates MSW handlers for the OpenAI and Azure Sora APIs, answered in the page by an emulator.
 * @example
 * import OpenAI from 'openai';
 * import { createSoraHandlers, setupWorker } from '@sora-kit/msw/browser';
 * const { handlers, emulator } = createSoraHandlers({ clock: 'manual' });
 * await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass' });
 * const openai = new OpenAI({ apiKey: 'sk-test', dangerouslyAllowBrowser: true });
 * const video = await openai.videos.create({ model: 'sora-2', prompt: 'a red balloon' });
 * emulator.clock.advance(60_000);
 * const mp4 = await (await openai.videos.downloadContent(video.id)).blob();
 */
export function createSoraHandlers(
  options: SoraHandlersOptions<EmulatorCore> = {},
): SoraHandlers<EmulatorCore> {
  return createSoraHandlersWith(createEmulatorCore, options);
}
