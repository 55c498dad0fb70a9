/**
 * Options and result of {@link createSoraHandlers}.
 * @module
 */
import type { ClockMode, Emulator, EmulatorCore, EmulatorOptions } from '@sora-kit/emulator';
import type { HttpHandler } from 'msw';
import type { TimeSource } from './bind-emulator-clock.js';

/** Default OpenAI base URL, as the `openai` SDK uses it. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Default Azure endpoint pattern: every Azure OpenAI resource. */
export const DEFAULT_AZURE_ENDPOINT = 'https://*.openai.azure.com';
/** Default origin of the control API (`/_emulator/*`); `.test` is a reserved top-level domain. */
export const DEFAULT_CONTROL_BASE_URL = 'http://sora-emulator.test';

/**
 * Options of `createSoraHandlers`: where the handlers listen, plus either an existing emulator or
 * the options of a new one.
 */
export interface SoraHandlersOptions<E extends EmulatorCore = Emulator>
  extends Omit<EmulatorOptions, 'clock'> {
  /**
   * An emulator to serve from (e.g. one you also `listen()` with). When given, the emulator
   * options in this object are ignored; `clock: 'fake-timers'` and `bindClock` still apply.
   */
  emulator?: E;
  /**
   * Clock of a new emulator: `real` (default), `manual` (time moves only through
   * `emulator.clock.advance`), or `fake-timers`: a manual clock that starts at `Date.now()` and
   * follows `Date.now()` from then on, so `vi.advanceTimersByTime(ms)` moves jobs by `ms`.
   */
  clock?: ClockMode | 'fake-timers';
  /**
   * Another time source for the emulator clock to follow (only forward moves count), read before
   * each request. `clock: 'fake-timers'` is `bindClock: () => Date.now()`.
   */
  bindClock?: TimeSource;
  /**
   * OpenAI base URL (default `https://api.openai.com/v1`). Its path maps to the emulator's `/v1`:
   * `https://proxy.example/api/v1/videos` is served as `/v1/videos`. MSW wildcards are allowed.
   */
  openaiBaseURL?: string;
  /**
   * Azure endpoint, an origin or a pattern (default `https://*.openai.azure.com`). Its
   * `/openai/v1/...` paths are served as the emulator's `/openai/v1/...`; a path in the endpoint
   * (e.g. `https://gateway.example/azure`) is stripped.
   */
  azureEndpoint?: string;
  /**
   * Origin (or base URL) that serves the emulator's control API at `/_emulator/*` (default
   * `http://sora-emulator.test`); `false` for no control handler.
   */
  controlBaseURL?: string | false;
}

/**
 * Every handler (happy path for all three backends and the control API) as one array, with each
 * group also available on its own.
 */
export type SoraHandlerList = HttpHandler[] & {
  /** OpenAI Sora 2: `{openaiBaseURL}/videos*`. */
  readonly openai: HttpHandler[];
  /** Both Azure backends: {@link SoraHandlerList.azureSora2} and {@link SoraHandlerList.azureSora1}. */
  readonly azure: HttpHandler[];
  /** Azure Sora 2: `{azureEndpoint}/openai/v1/videos*` and `{azureEndpoint}/openai/videos*` (the `AzureOpenAI({ endpoint })` form). */
  readonly azureSora2: HttpHandler[];
  /** Azure Sora 1 preview jobs: `{azureEndpoint}/openai/v1/video/generations/*`. */
  readonly azureSora1: HttpHandler[];
  /** The control API: `{controlBaseURL}/_emulator*` (empty when `controlBaseURL` is `false`). */
  readonly control: HttpHandler[];
};

/** What `createSoraHandlers` returns. */
export interface SoraHandlers<E extends EmulatorCore = Emulator> {
  /** Pass to `setupServer(...handlers)` / `setupWorker(...handlers)`, or pick a group. */
  readonly handlers: SoraHandlerList;
  /** The emulator that answers: `emulator.clock.advance(ms)`, `emulator.control.reset()`, faults. */
  readonly emulator: E;
  /**
   * Moves a bound emulator clock up to its source now and returns `emulator.clock.now()`. The
   * handlers do this before every request; call it yourself before reading `emulator.control`
   * or `emulator.clock` directly. Without a binding it only returns the time.
   */
  syncClock(): number;
}
