/**
 * The handlers themselves, for any emulator factory: the Node entry passes `createEmulator`, the
 * browser entry `createEmulatorCore`. Nothing here imports a Node-only module.
 * @module
 */
import type { EmulatorCore, EmulatorOptions } from '@sora-kit/emulator';
import { type HttpHandler, type HttpResponseResolver, http, passthrough } from 'msw';
import { basePath, trimBaseURL } from './base-url-path.js';
import { bindEmulatorClock } from './bind-emulator-clock.js';
import {
  DEFAULT_AZURE_ENDPOINT,
  DEFAULT_CONTROL_BASE_URL,
  DEFAULT_OPENAI_BASE_URL,
  type SoraHandlerList,
  type SoraHandlers,
  type SoraHandlersOptions,
} from './sora-handlers-options.js';
import { toEmulatorRequest } from './to-emulator-request.js';

/**
 * `createSoraHandlers` with the emulator factory to use: the Node entry passes
 * `createEmulator` (with `listen`), `@sora-kit/msw/browser` passes `createEmulatorCore`.
 */
export function createSoraHandlersWith<E extends EmulatorCore>(
  create: (options: EmulatorOptions) => E,
  options: SoraHandlersOptions<E> = {},
): SoraHandlers<E> {
  const {
    emulator: given,
    clock,
    bindClock,
    openaiBaseURL = DEFAULT_OPENAI_BASE_URL,
    azureEndpoint = DEFAULT_AZURE_ENDPOINT,
    controlBaseURL = DEFAULT_CONTROL_BASE_URL,
    ...emulatorOptions
  } = options;
  const fakeTimers = clock === 'fake-timers';
  const emulator =
    given ??
    create({
      ...emulatorOptions,
      clock: fakeTimers ? 'manual' : clock,
      ...(fakeTimers && emulatorOptions.startMs === undefined ? { startMs: Date.now() } : {}),
    });
  const source = bindClock ?? (fakeTimers ? () => Date.now() : undefined);
  const syncClock = source ? bindEmulatorClock(emulator.clock, source) : () => emulator.clock.now();

  const route = (base: string, tail: string, to: string, suffix: string): HttpHandler =>
    http.all(
      `${trimBaseURL(base)}${tail}${suffix}`,
      forward(emulator, `${basePath(base)}${tail}`, to, syncClock),
    );

  // The openai SDK fetches `data:,` once per fetch function before its first multipart upload, to
  // check FormData support; without this, `onUnhandledRequest: 'error'` reports it.
  const sdkProbe = http.get(
    ({ request }) => request.url.startsWith('data:'),
    () => passthrough(),
  );
  const openai = [sdkProbe, route(openaiBaseURL, '', '/v1', '/videos*')];
  // `AzureOpenAI({ endpoint })` calls `/openai/videos`; the v1 form is `/openai/v1/videos`.
  const azureSora2 = [
    sdkProbe,
    route(azureEndpoint, '/openai/v1', '/openai/v1', '/videos*'),
    route(azureEndpoint, '/openai', '/openai', '/videos*'),
  ];
  const azureSora1 = [route(azureEndpoint, '/openai/v1', '/openai/v1', '/video/generations/*')];
  const control = controlBaseURL === false ? [] : [route(controlBaseURL, '/_emulator', '/_emulator', '*')];
  const azure = [...azureSora2, ...azureSora1];
  const handlers: SoraHandlerList = Object.assign([...new Set([...openai, ...azure, ...control])], {
    openai,
    azure,
    azureSora2,
    azureSora1,
    control,
  });
  return { handlers, emulator, syncClock };
}

function forward(
  emulator: EmulatorCore,
  from: string,
  to: string,
  syncClock: () => number,
): HttpResponseResolver {
  return async ({ request }) => {
    const mapped = await toEmulatorRequest(request, from, to);
    if (mapped === undefined) return undefined;
    syncClock();
    return emulator.app.fetch(mapped);
  };
}
