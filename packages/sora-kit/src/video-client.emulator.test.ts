import {
  AbortedError,
  type ProgressEvent,
  type SoraBackendId,
  TimeoutError,
  UnsupportedCapabilityError,
  ValidationError,
  type VideoClientEvent,
} from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient, unfinishedJobs } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

/** Every backend. */
const BACKENDS: SoraBackendId[] = ['azure-sora1', 'openai-sora2', 'azure-sora2'];

const CREATE_ROUTE: Record<SoraBackendId, string> = {
  'openai-sora2': 'POST /v1/videos',
  'azure-sora2': 'POST /openai/v1/videos',
  'azure-sora1': 'POST /openai/v1/video/generations/jobs',
};
const GET_ROUTE: Record<SoraBackendId, string> = {
  'openai-sora2': 'GET /v1/videos/*',
  'azure-sora2': 'GET /openai/v1/videos/*',
  'azure-sora1': 'GET /openai/v1/video/generations/jobs/*',
};

const request = { prompt: 'a red balloon over a lake', size: '1280x720', seconds: 4 } as const;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe.each(BACKENDS)('VideoClient on %s against the emulator', (backend) => {
  let driver: EmulatorDriver;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  it('generate() runs to completion, progress only rises, and the video downloads', async () => {
    const client = emulatorClient(driver, backend);
    const events: ProgressEvent[] = [];
    const job = await driver.run(client.generate(request, { onProgress: (event) => events.push(event) }));

    expect(job.status).toBe('completed');
    expect(job.backend).toBe(backend);
    expect(job.outputs).toHaveLength(1);
    const progress = events.map((event) => event.progress);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events.length).toBeGreaterThanOrEqual(2);
    const download = await client.download(job);
    const bytes = await readAll(download.stream);
    expect(download.contentType).toBe('video/mp4');
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
  });

  it('wait() throws TimeoutError past timeoutMs and AbortedError on abort', async () => {
    const client = emulatorClient(driver, backend);
    const job = await driver.run(client.create(request));
    await expect(driver.run(client.wait(job, { timeoutMs: 300 }))).rejects.toSatisfy(TimeoutError.isInstance);

    const controller = new AbortController();
    const waiting = client.wait(job, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(driver.run(waiting)).rejects.toSatisfy(AbortedError.isInstance);
    // The job itself went on.
    expect((await driver.run(client.wait(job))).status).toBe('completed');
  });

  it('5 concurrent generate() calls never see a 429: the gate keeps at most 2 jobs unfinished', async () => {
    const key = `five-${backend}`;
    let most = 0;
    const statuses: number[] = [];
    driver.onResponse = () => {
      most = Math.max(most, unfinishedJobs(driver, key));
    };
    const events: VideoClientEvent[] = [];
    const client = emulatorClient(driver, backend, key, { onEvent: (event) => events.push(event) });
    const jobs = await driver.run(
      Promise.all(
        Array.from({ length: 5 }, (_, index) =>
          client.generate({ ...request, prompt: `balloon number ${index}` }),
        ),
      ),
    );
    for (const job of jobs) statuses.push(job.status === 'completed' ? 200 : 0);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(jobs.map((job) => job.id)).size).toBe(5);
    expect(most).toBe(2);
    expect(events.filter((event) => event.type === 'service-full' || event.type === 'retry')).toEqual([]);
  });

  it('retries injected 500s on reads and a 429 on create after its Retry-After', async () => {
    const events: VideoClientEvent[] = [];
    const client = emulatorClient(driver, backend, 'retry', { onEvent: (event) => events.push(event) });
    driver.emulator.control.injectRouteFault({
      route: CREATE_ROUTE[backend],
      count: 1,
      status: 429,
      headers: { 'retry-after': '7' },
      body: {
        error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' },
      },
    });
    driver.emulator.control.injectRouteFault({ route: GET_ROUTE[backend], count: 2, status: 500 });

    const job = await driver.run(client.generate(request));

    expect(job.status).toBe('completed');
    const retries = events.flatMap((event) => (event.type === 'retry' ? [event] : []));
    expect(retries.map(({ operation, fromServer }) => [operation, fromServer])).toEqual([
      ['create', true],
      ['get', false],
      ['get', false],
    ]);
    expect(retries[0]?.delayMs).toBe(7000);
    expect(driver.delays).toContain(7000);
  });

  it('a job handle survives a new client instance and is refused by another backend', async () => {
    const first = emulatorClient(driver, backend, 'handles');
    const job = await driver.run(first.create(request));
    const handle = first.toHandle(job);
    expect(handle).toContain(backend);

    const second = emulatorClient(driver, backend, 'handles');
    const finished = await driver.run(second.wait(handle));
    expect(finished.id).toBe(job.id);
    expect(finished.status).toBe('completed');
    expect((await second.get(handle)).id).toBe(job.id);

    const other = emulatorClient(
      driver,
      backend === 'openai-sora2' ? 'azure-sora2' : 'openai-sora2',
      'handles',
    );
    expect(() => other.fromHandle(handle)).toThrow(ValidationError);
  });
});

describe('remix on azure-sora1', () => {
  it('fails with UnsupportedCapabilityError before any request is sent', async () => {
    const driver = await startEmulatorDriver();
    try {
      const client = emulatorClient(driver, 'azure-sora1');
      const error = await client
        .remix('task_01jwcet0eje35tc5jy54yjax5q', { prompt: 'at night' })
        .catch((e) => e);
      expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
      expect((error as UnsupportedCapabilityError).capability).toBe('remix');
      expect((error as UnsupportedCapabilityError).backend).toBe('azure-sora1');
      expect(driver.requests).toEqual([]);
    } finally {
      await driver.close();
    }
  });
});
