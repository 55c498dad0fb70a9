/**
 * Test support: an emulator on 127.0.0.1 with a manual clock, and a scheduler that moves that
 * clock only when nothing is on the wire, so client waits (polls, backoff, retry-after, timeouts)
 * take no real time and happen in emulated-time order.
 * @module
 */
import type { Clock, Delay } from '@sora-kit/core';
import { createEmulator, type Emulator, type EmulatorOptions, type EmulatorServer } from '@sora-kit/emulator';

interface Timer {
  dueAt: number;
  order: number;
  resolve: () => void;
}

/** A recorded request. */
export interface SeenRequest {
  method: string;
  path: string;
}

/** What the tests use. */
export interface EmulatorDriver {
  emulator: Emulator;
  server: EmulatorServer;
  /** Client clock: the emulator's time. */
  clock: Clock;
  /** Client delay: resolves when {@link EmulatorDriver.run} moves emulated time past it. */
  delay: Delay;
  /** Fetch that counts requests (and buffers JSON bodies so "in flight" covers the whole exchange). */
  fetch: typeof globalThis.fetch;
  /** Every request sent through `fetch`, in order. */
  requests: SeenRequest[];
  /** Called after every response with the emulator state (e.g. to sample unfinished jobs). */
  onResponse: (() => void) | undefined;
  /** Every `ms` passed to `delay`. */
  delays: number[];
  /** Drives timers (moving the emulator clock) until `promise` settles; throws on deadlock. */
  run<T>(promise: Promise<T>, limitMs?: number): Promise<T>;
  /** Stops the server. */
  close(): Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Host time with no request in flight and no new timer before emulated time may move (file reads and uploads are I/O, not macrotasks). */
const QUIET_MS = 15;
/** Host time to wait for a pending timer before calling the promise deadlocked. */
const DEADLOCK_MS = 5000;

/**
 * Starts an emulator (manual clock, silent) on an ephemeral port and returns the driver.
 * @example
 * const driver = await startEmulatorDriver();
 * const client = createVideoClient({ backend: 'openai-sora2', apiKey: 'sk-1', baseURL: `${driver.server.url}/v1`, clock: driver.clock, delay: driver.delay, fetch: driver.fetch });
 * const job = await driver.run(client.generate({ prompt: 'a red balloon' }));
 */
export async function startEmulatorDriver(options: EmulatorOptions = {}): Promise<EmulatorDriver> {
  const emulator = createEmulator({ clock: 'manual', seed: 1, logLevel: 'silent', ...options });
  const server = await emulator.listen(0, '127.0.0.1');
  const timers: Timer[] = [];
  let order = 0;
  let inFlight = 0;
  let lastActivity = performance.now();
  const touch = () => {
    lastActivity = performance.now();
  };
  const requests: SeenRequest[] = [];
  const delays: number[] = [];

  const driver: EmulatorDriver = {
    emulator,
    server,
    requests,
    delays,
    onResponse: undefined,
    clock: { now: () => emulator.clock.now() },
    delay(ms, signal) {
      delays.push(ms);
      touch();
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = {
          dueAt: emulator.clock.now() + Math.max(0, ms),
          order: order++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
      });
    },
    async fetch(input, init) {
      const request = new Request(input, init);
      // The openai SDK probes its fetch with `data:,` URLs; those are not requests to the emulator.
      if (request.url.startsWith('data:')) return globalThis.fetch(request);
      requests.push({ method: request.method, path: new URL(request.url).pathname });
      inFlight++;
      touch();
      try {
        const response = await globalThis.fetch(request);
        const type = response.headers.get('content-type') ?? '';
        if (!type.includes('json') && response.ok) return response;
        const body = await response.arrayBuffer();
        return new Response(response.status === 204 ? null : body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } finally {
        inFlight--;
        touch();
        driver.onResponse?.();
      }
    },
    async run(promise, limitMs = 7 * 24 * 3_600_000) {
      let settled = false;
      promise.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      const limit = emulator.clock.now() + limitMs;
      touch();
      const quiet = async (): Promise<void> => {
        for (;;) {
          await macrotask();
          if (settled) return;
          const idle = performance.now() - lastActivity;
          if (inFlight === 0 && idle >= QUIET_MS) return;
          if (inFlight > 0 || idle < QUIET_MS - 2)
            await new Promise<void>((resolve) => setTimeout(resolve, 1));
        }
      };
      for (;;) {
        await quiet();
        if (settled) return promise;
        let next: Timer | undefined;
        for (const timer of timers) {
          if (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.order < next.order))
            next = timer;
        }
        if (!next) {
          if (performance.now() - lastActivity < DEADLOCK_MS) {
            await new Promise<void>((resolve) => setTimeout(resolve, 5));
            continue;
          }
          throw new Error('driver.run: the promise is pending and no timer is pending (deadlock)');
        }
        if (next.dueAt > limit)
          throw new Error(`driver.run: not settled within ${limitMs} ms of emulated time`);
        timers.splice(timers.indexOf(next), 1);
        const ahead = next.dueAt - emulator.clock.now();
        if (ahead > 0) emulator.control.advanceClock(ahead);
        next.resolve();
      }
    },
    close: () => server.close(),
  };
  return driver;
}
