/**
 * Test support: an emulator on a loopback port with a manual clock, and `createVideoClient`
 * options of each Sora backend pointed at it. Every client or AI SDK wait moves the emulator's
 * clock at once instead of sleeping (so the clients get no overall deadline, which would be a wait too).
 * @module
 */
import type { Clock, Delay, SoraBackendId } from '@sora-kit/core';
import { createEmulator, type Emulator, type EmulatorOptions, type EmulatorServer } from '@sora-kit/emulator';
import type { CreateVideoClientOptions } from 'sora-kit';

/** The emulator, its server and the time helpers of a test. */
export interface EmulatorBackends {
  emulator: Emulator;
  server: EmulatorServer;
  /** The emulator's time, for clients. */
  clock: Clock;
  /** A wait that advances the emulator's clock by `ms` instead of sleeping. */
  delay: Delay;
  /** `createVideoClient` options of `backend` with API key `key`. */
  options(backend: SoraBackendId, key?: string): CreateVideoClientOptions;
  close(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1 (ephemeral port), manual clock, silent. */
export async function startEmulatorBackends(options: EmulatorOptions = {}): Promise<EmulatorBackends> {
  const emulator = createEmulator({ clock: 'manual', seed: 14, logLevel: 'silent', ...options });
  const server = await emulator.listen(0, '127.0.0.1');
  const clock: Clock = { now: () => emulator.clock.now() };
  const delay: Delay = async (ms) => {
    emulator.control.advanceClock(Math.max(0, Math.ceil(ms)));
  };
  // No overall wait limit: a deadline would be a delay, and these delays move time at once.
  const common = { clock, delay, random: () => 0.5, poll: { timeoutMs: Number.POSITIVE_INFINITY } };
  return {
    emulator,
    server,
    clock,
    delay,
    options(backend, key = 'sk-ai-sdk') {
      switch (backend) {
        case 'openai-sora2':
          return { backend, apiKey: key, baseURL: `${server.url}/v1`, ...common };
        case 'azure-sora2':
          return { backend, apiKey: key, endpoint: server.url, deployment: 'sora-2', ...common };
        case 'azure-sora1':
          return { backend, apiKey: key, endpoint: server.url, deployment: 'sora', ...common };
      }
    },
    close: () => emulator.close(),
  };
}
