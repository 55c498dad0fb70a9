/**
 * `@sora-kit/msw`: MSW handlers that answer the Sora APIs in-process with the emulator's app.
 * @module
 */
export { bindEmulatorClock, type TimeSource } from './bind-emulator-clock.js';
export { createSoraHandlers } from './create-sora-handlers.js';
export {
  DEFAULT_AZURE_ENDPOINT,
  DEFAULT_CONTROL_BASE_URL,
  DEFAULT_OPENAI_BASE_URL,
  type SoraHandlerList,
  type SoraHandlers,
  type SoraHandlersOptions,
} from './sora-handlers-options.js';
