/**
 * Test support: `createVideoClient` options for each backend pointed at an emulator driver.
 * @module
 */
import type { SoraBackendId, VideoClient, VideoClientOptions } from '@sora-kit/core';
import { createVideoClient } from '../create-video-client.js';
import type { CreateVideoClientOptions } from '../create-video-client-options.js';
import type { EmulatorDriver } from './emulator-driver.js';

/** Connection options of `backend` on the driver's emulator, with a distinct key per `key`. */
export function emulatorClientOptions(
  driver: EmulatorDriver,
  backend: SoraBackendId,
  key = 'test-key',
  extra: VideoClientOptions = {},
): CreateVideoClientOptions {
  const common = {
    clock: driver.clock,
    delay: driver.delay,
    fetch: driver.fetch,
    random: () => 0.5,
    ...extra,
  };
  switch (backend) {
    case 'openai-sora2':
      return { backend, apiKey: key, baseURL: `${driver.server.url}/v1`, ...common };
    case 'azure-sora2':
      return { backend, apiKey: key, endpoint: driver.server.url, deployment: 'sora-2', ...common };
    case 'azure-sora1':
      return { backend, apiKey: key, endpoint: `${driver.server.url}/`, deployment: 'sora', ...common };
  }
}

/** A client of `backend` on the driver's emulator. */
export function emulatorClient(
  driver: EmulatorDriver,
  backend: SoraBackendId,
  key?: string,
  extra?: VideoClientOptions,
): VideoClient {
  return createVideoClient(emulatorClientOptions(driver, backend, key, extra));
}

/** Unfinished jobs the emulator holds now, for the partition of `key`. */
export function unfinishedJobs(driver: EmulatorDriver, key: string): number {
  return driver.emulator.control
    .jobs()
    .filter(({ record, state }) => record.partition.endsWith(`:${key}`) && isUnfinished(state)).length;
}

function isUnfinished(state: unknown): boolean {
  const s = state as { kind?: string; phase?: string };
  return (
    s.kind === 'present' && s.phase !== undefined && !['succeeded', 'failed', 'cancelled'].includes(s.phase)
  );
}
