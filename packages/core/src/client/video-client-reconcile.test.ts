import { describe, expect, it } from 'vitest';
import { CreateOutcomeUnknownError, VideoApiError } from '../errors/index.js';
import { setupClient } from './test-support/setup-client.js';

const networkError = () =>
  new VideoApiError({
    message: 'network error: socket hang up',
    status: 0,
    code: 'network_error',
    isRetryable: true,
  });
const bodiless = (status: number) => new VideoApiError({ message: `status ${status}`, status, body: '' });
const serviceError = (status: number) =>
  new VideoApiError({
    message: `status ${status}`,
    status,
    body: { error: { message: 'The server had an error', type: 'server_error' } },
  });

describe('VideoClient create reconciliation', () => {
  it('adopts the job a create started when its answer was lost (no second create)', async () => {
    const { clock, provider, client, eventsOf } = setupClient({}, { maxConcurrentJobs: 2 });
    provider.loseNextAnswer(networkError());
    const job = await clock.run(client.generate({ prompt: 'a red balloon' }));
    expect(job).toMatchObject({ id: 'video_0000', status: 'completed' });
    expect(provider.calls.create).toBe(1);
    expect(eventsOf('reconcile')).toEqual([
      { type: 'reconcile', operation: 'create', outcome: 'adopted', jobId: 'video_0000' },
    ]);
    expect(client.gate.held).toBe(0);
  });

  it('holds the gate slot for the adopted job', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 2 });
    provider.loseNextAnswer(networkError());
    const job = await clock.run(client.create({ prompt: 'a red balloon' }));
    expect(client.gate.holds(job.id)).toBe(true);
  });

  it('creates once more, with the same Idempotency-Key, when no job was started (bodiless 502)', async () => {
    const { clock, provider, client, eventsOf } = setupClient();
    provider.failNext('create', bodiless(502));
    const job = await clock.run(client.create({ prompt: 'a red balloon' }));
    expect(job.id).toBe('video_0000');
    expect(provider.calls.create).toBe(2);
    expect(provider.idempotencyKeys[0]).toMatch(/^sora-kit-/);
    expect(provider.idempotencyKeys[1]).toBe(provider.idempotencyKeys[0]);
    expect(eventsOf('reconcile').map((e) => e.outcome)).toEqual(['none']);
  });

  it('each create has its own Idempotency-Key', async () => {
    const { clock, provider, client } = setupClient();
    await clock.run(client.create({ prompt: 'one' }));
    await clock.run(client.create({ prompt: 'two' }));
    expect(new Set(provider.idempotencyKeys).size).toBe(2);
  });

  it('fails with CreateOutcomeUnknownError naming the candidates when several recent jobs match', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 5 });
    const a = provider.addExternalJob({}, 'a red balloon');
    const b = provider.addExternalJob({}, 'a red balloon');
    provider.addExternalJob({}, 'another prompt');
    provider.loseNextAnswer(networkError());
    // External jobs are 1280x720, 4 s.
    const error = await clock
      .run(client.create({ prompt: 'a red balloon', size: '1280x720', seconds: 4 }))
      .catch((e: unknown) => e);
    expect(CreateOutcomeUnknownError.isInstance(error)).toBe(true);
    const unknown = error as CreateOutcomeUnknownError;
    expect(unknown.candidateIds).toEqual(['video_0003', b, a]);
    expect(unknown.isRetryable).toBe(false);
    expect(unknown.message).toContain('3 recent jobs match');
    expect(provider.calls.create).toBe(1);
    expect(client.gate.held).toBe(0);
  });

  it('does not adopt a job this client already started with the same request', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 5 });
    const first = await clock.run(client.create({ prompt: 'a red balloon' }));
    provider.loseNextAnswer(networkError());
    const second = await clock.run(client.create({ prompt: 'a red balloon' }));
    expect(second.id).not.toBe(first.id);
    expect(provider.calls.create).toBe(2);
  });

  it('fails with CreateOutcomeUnknownError (no candidates) when the listing cannot be read', async () => {
    const { clock, provider, client } = setupClient({}, { retry: { maxAttempts: 1 } });
    provider.loseNextAnswer(networkError());
    provider.failNext('list', networkError());
    const error = await clock.run(client.create({ prompt: 'a red balloon' })).catch((e: unknown) => e);
    expect(CreateOutcomeUnknownError.isInstance(error)).toBe(true);
    expect((error as CreateOutcomeUnknownError).candidateIds).toEqual([]);
    expect(provider.calls.create).toBe(1);
  });

  it('does not reconcile nor retry a 5xx carrying the service error body', async () => {
    const { clock, provider, client, eventsOf } = setupClient();
    provider.failNext('create', serviceError(500));
    await expect(clock.run(client.create({ prompt: 'x' }))).rejects.toThrow('status 500');
    expect(provider.calls.create).toBe(1);
    expect(eventsOf('reconcile')).toEqual([]);
  });
});
