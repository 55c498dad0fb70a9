import { CreateOutcomeUnknownError, type SoraBackendId, type VideoClientEvent } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';

const BACKENDS: SoraBackendId[] = ['azure-sora1', 'openai-sora2', 'azure-sora2'];
const CREATE_ROUTE: Record<SoraBackendId, string> = {
  'openai-sora2': 'POST /v1/videos',
  'azure-sora2': 'POST /openai/v1/videos',
  'azure-sora1': 'POST /openai/v1/video/generations/jobs',
};
const request = { prompt: 'a red balloon over a lake', size: '1280x720', seconds: 4 } as const;

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
      driver.emulator.control.addLatency({
        latencyMs: 0,
        route: CREATE_ROUTE[backend],
        count: 1,
        afterRoute: true,
        drop: true,
      });
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
      driver.emulator.control.addLatency({
        latencyMs: 0,
        route: CREATE_ROUTE[backend],
        count: 1,
        afterRoute: true,
        drop: true,
      });
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
