import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVideoClient } from './create-video-client.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

/** A credential that hands out one stable token and counts the calls. */
function countingCredential(expiresIn: () => number): TokenCredential & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async getToken(scopes): Promise<AccessToken> {
      calls.push([scopes].flat());
      return { token: 'entra-token', expiresOnTimestamp: expiresIn(), tokenType: 'Bearer' };
    },
  };
}

const request = { prompt: 'a red balloon', size: '1280x720', seconds: 4 } as const;

describe('Entra ID auth against the emulator', () => {
  let driver: EmulatorDriver;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  const partitions = () => new Set(driver.emulator.control.jobs().map(({ record }) => record.partition));

  it('azure-sora1: the token is reused until 5 minutes before expiry, then renewed', async () => {
    const credential = countingCredential(() => driver.clock.now() + 60 * 60_000);
    const client = createVideoClient({
      backend: 'azure-sora1',
      endpoint: driver.server.url,
      deployment: 'sora',
      credential,
      clock: driver.clock,
      delay: driver.delay,
      fetch: driver.fetch,
    });
    const job = await driver.run(client.generate(request));
    expect(job.status).toBe('completed');
    expect(driver.requests.length).toBeGreaterThanOrEqual(2);
    expect(credential.calls).toEqual([['https://cognitiveservices.azure.com/.default']]);
    expect(partitions()).toEqual(new Set(['azure:entra-token']));

    driver.emulator.control.advanceClock(54 * 60_000);
    await client.get(job);
    expect(credential.calls).toHaveLength(1);
    driver.emulator.control.advanceClock(2 * 60_000);
    await client.get(job);
    await client.get(job);
    expect(credential.calls).toHaveLength(2);
  });

  it('azure-sora2: the cached token provider reuses one token across every call of a job', async () => {
    const credential = countingCredential(() => Date.now() + 60 * 60_000);
    const client = createVideoClient({
      backend: 'azure-sora2',
      endpoint: `${driver.server.url}/openai/v1`,
      deployment: 'sora-2',
      credential,
      clock: driver.clock,
      delay: driver.delay,
      fetch: driver.fetch,
    });
    // The first create runs outside driver.run: it does host I/O (multipart body, first token).
    const created = await client.create(request);
    const job = await driver.run(client.wait(created));
    expect(job.status).toBe('completed');
    expect((await client.download(job)).contentType).toBe('video/mp4');
    expect(driver.requests.length).toBeGreaterThan(3);
    expect(credential.calls).toEqual([['https://cognitiveservices.azure.com/.default']]);
    expect(partitions()).toEqual(new Set(['azure:entra-token']));
  });
});
