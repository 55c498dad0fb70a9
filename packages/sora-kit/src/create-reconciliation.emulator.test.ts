import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateOutcomeUnknownError, type SoraBackendId, type VideoClientEvent } from '@sora-kit/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

const BACKENDS: SoraBackendId[] = ['azure-sora1', 'openai-sora2', 'azure-sora2'];
const CREATE_ROUTE: Record<SoraBackendId, string> = {
  'openai-sora2': 'POST /v1/videos',
  'azure-sora2': 'POST /openai/v1/videos',
  'azure-sora1': 'POST /openai/v1/video/generations/jobs',
};
const request = { prompt: 'a red balloon over a lake', size: '1280x720', seconds: 4 } as const;

/** The next create on `backend` makes its job, then the connection drops before the answer. */
function dropNextCreateAnswer(driver: EmulatorDriver, backend: SoraBackendId): void {
  driver.emulator.control.addLatency({
    latencyMs: 0,
    route: CREATE_ROUTE[backend],
    count: 1,
    afterRoute: true,
    drop: true,
  });
}

describe.each(BACKENDS)(
  'one generate() leaves exactly one job on %s when the create answer is lost',
  (backend) => {
    let driver: EmulatorDriver;
    let events: VideoClientEvent[];
    beforeEach(async () => {
      // About reconciliation, not timing: with the fast profile the earlier jobs of a test are
      // still "recent" when the lost create is reconciled.
      driver = await startEmulatorDriver({ timing: 'fast' });
      events = [];
    });
    afterEach(async () => {
      await driver.close();
    });
    const client = (key: string, extra: Record<string, unknown> = {}) =>
      emulatorClient(driver, backend, key, { onEvent: (event) => events.push(event), ...extra });
    const jobsOf = (key: string) =>
      driver.emulator.control.jobs().filter(({ record }) => record.partition.endsWith(`:${key}`));

    it('the connection drops after the job was created: the job is adopted and completes', async () => {
      dropNextCreateAnswer(driver, backend);
      const job = await driver.run(client('drop').generate(request));
      expect(job.status).toBe('completed');
      expect(jobsOf('drop').map(({ record }) => record.id)).toEqual([job.id]);
      expect(events.filter((e) => e.type === 'reconcile')).toEqual([
        { type: 'reconcile', operation: 'create', outcome: 'adopted', jobId: job.id },
      ]);
    });

    it('a bodiless 502 from a proxy before the service: no job yet, one more create, one job', async () => {
      driver.emulator.control.injectRouteFault({
        route: CREATE_ROUTE[backend],
        count: 1,
        status: 502,
        body: '',
      });
      const job = await driver.run(client('proxy').generate(request));
      expect(job.status).toBe('completed');
      expect(jobsOf('proxy')).toHaveLength(1);
      expect(
        events.filter((e) => e.type === 'reconcile').map((e) => (e as { outcome: string }).outcome),
      ).toEqual(['none']);
    });

    it('several matching recent jobs: CreateOutcomeUnknownError lists them, nothing more is created', async () => {
      const other = client('busy', { maxConcurrentJobs: 5 });
      const a = await driver.run(other.generate(request));
      const b = await driver.run(other.generate(request));
      dropNextCreateAnswer(driver, backend);
      const error = await driver
        .run(client('busy', { maxConcurrentJobs: 5 }).create(request))
        .catch((e: unknown) => e);
      expect(CreateOutcomeUnknownError.isInstance(error)).toBe(true);
      const ids = (error as CreateOutcomeUnknownError).candidateIds;

      expect(ids).toHaveLength(3);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(jobsOf('busy')).toHaveLength(3);
    });
  },
);

describe('azure-sora1: the inputs fingerprint tells apart recent jobs that differ only by input', () => {
  let driver: EmulatorDriver;
  let events: VideoClientEvent[];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sora-kit-reconcile-'));
    for (const colour of ['red', 'blue']) {
      execFileSync('ffmpeg', [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
        ...['-i', `color=c=${colour}:s=1280x720`, '-frames:v', '1', join(dir, `${colour}.png`)],
      ]);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    driver = await startEmulatorDriver({ timing: 'fast' });
    events = [];
  });
  afterEach(async () => {
    await driver.close();
  });
  // Bytes without a name: the adapter names each file by its content hash.
  const image = (colour: string) => ({
    kind: 'image' as const,
    source: new Uint8Array(readFileSync(join(dir, `${colour}.png`))),
  });
  const client = () =>
    emulatorClient(driver, 'azure-sora1', 'inputs', {
      maxConcurrentJobs: 5,
      onEvent: (event) => events.push(event),
    });

  it('the lost create made from the blue image adopts its own job, not the red one', async () => {
    const red = await driver.run(client().create({ ...request, inputs: [image('red')] }));
    dropNextCreateAnswer(driver, 'azure-sora1');
    const blue = await driver.run(client().create({ ...request, inputs: [image('blue')] }));
    const jobs = driver.emulator.control.jobs().filter(({ record }) => record.partition.endsWith(':inputs'));
    expect(jobs).toHaveLength(2);
    expect(blue.id).not.toBe(red.id);
    expect(jobs.map(({ record }) => record.id)).toEqual(expect.arrayContaining([red.id, blue.id]));
    expect(events.filter((e) => e.type === 'reconcile')).toEqual([
      { type: 'reconcile', operation: 'create', outcome: 'adopted', jobId: blue.id },
    ]);
    expect(blue.inputsFingerprint).toMatch(/input-1-[0-9a-f]{8}\.png/);
    expect(blue.inputsFingerprint).not.toBe(red.inputsFingerprint);
  });

  it('the same image again is still ambiguous: both jobs are named, nothing more is created', async () => {
    const first = await driver.run(client().create({ ...request, inputs: [image('red')] }));
    dropNextCreateAnswer(driver, 'azure-sora1');
    const error = await driver
      .run(client().create({ ...request, inputs: [image('red')] }))
      .catch((e: unknown) => e);
    expect(CreateOutcomeUnknownError.isInstance(error)).toBe(true);
    expect((error as CreateOutcomeUnknownError).candidateIds).toHaveLength(2);
    expect((error as CreateOutcomeUnknownError).candidateIds).toContain(first.id);
  });
});

describe('a create slower than the client timeout (openai-sora2)', () => {
  let driver: EmulatorDriver;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  it('times out, finds its job in the listing, and completes it: one job', async () => {
    driver.emulator.control.addLatency({
      latencyMs: 1500,
      route: 'POST /v1/videos',
      count: 1,
      afterRoute: true,
    });
    const client = emulatorClient(driver, 'openai-sora2', 'slow', { timeoutMs: 300 } as never);
    const job = await driver.run(client.generate(request));
    expect(job.status).toBe('completed');
    const jobs = driver.emulator.control.jobs().filter(({ record }) => record.partition.endsWith(':slow'));
    expect(jobs.map(({ record }) => record.id)).toEqual([job.id]);
  });
});
