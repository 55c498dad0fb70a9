import { describe, expect, it } from 'vitest';
import { QuotaExceededError } from '../errors/index.js';
import { createTestClock } from '../testing/test-clock.js';
import { InProcessConcurrencyGate } from './in-process-concurrency-gate.js';
import { FakeVideoProvider } from './test-support/fake-video-provider.js';
import { setupClient } from './test-support/setup-client.js';
import { VideoClient } from './video-client.js';

describe('VideoClient concurrency gate', () => {
  it('runs 5 concurrent generate() calls with never more than 2 unfinished jobs, FIFO', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 2 });
    const positions: number[][] = [[], [], [], [], []];
    const runs = positions.map((seen, index) =>
      client.generate({ prompt: `clip ${index}` }, { onQueuePosition: (position) => seen.push(position) }),
    );
    const jobs = await clock.run(Promise.all(runs));
    expect(jobs.map((job) => [job.id, job.status])).toEqual([
      ['video_0000', 'completed'],
      ['video_0001', 'completed'],
      ['video_0002', 'completed'],
      ['video_0003', 'completed'],
      ['video_0004', 'completed'],
    ]);
    expect(provider.maxUnfinished).toBe(2);
    expect(provider.calls.create).toBe(5);
    expect(positions).toEqual([[], [], [1, 0], [2, 1, 0], [3, 2, 1, 0]]);
    expect(client.gate.held).toBe(0);
    expect(client.hasFreeSlot()).toBe(true);
  });

  it('uses the gate it is given: two clients sharing one gate never hold more than its limit together', async () => {
    const clock = createTestClock();
    const provider = new FakeVideoProvider({ clock });
    const gate = new InProcessConcurrencyGate({ limit: 2 });
    const options = { clock, delay: clock.delay, random: () => 0.5, gate, maxConcurrentJobs: 5 };
    const a = new VideoClient(provider, options);
    const b = new VideoClient(provider, options);
    expect(a.gate).toBe(gate);
    const runs = [a, b, a, b, a, b].map((client, index) => client.generate({ prompt: `clip ${index}` }));
    const jobs = await clock.run(Promise.all(runs));
    expect(jobs.every((job) => job.status === 'completed')).toBe(true);
    expect(provider.maxUnfinished).toBe(2);
    expect(gate.held).toBe(0);
  });

  it('exposes free slots for a router', async () => {
    const { clock, client } = setupClient({}, { maxConcurrentJobs: 2 });
    expect(client.backend).toBe('openai-sora2');
    expect(client.capabilities.maxConcurrentJobs).toBe(2);
    await clock.run(client.create({ prompt: 'one' }));
    expect(client.gate.available).toBe(1);
    await clock.run(client.create({ prompt: 'two' }));
    expect(client.hasFreeSlot()).toBe(false);
    expect(client.gate.jobIds).toEqual(['video_0000', 'video_0001']);
  });

  it('polls the oldest unfinished job itself when a create queues and nobody waits', async () => {
    const { clock, provider, client } = setupClient(
      { plan: { queuedMs: 1000, runningMs: 10_000 } },
      { maxConcurrentJobs: 2, poll: { intervalMs: 5000 } },
    );
    await client.create({ prompt: 'one' });
    await client.create({ prompt: 'two' });
    await clock.advance(60_000);
    expect(provider.calls.get).toBe(0); // no queue, no self-polling
    const third = client.create({ prompt: 'three' });
    const job = await clock.run(third);
    // Both held jobs finished long ago; the first probe of the oldest frees a slot.
    expect(provider.gets).toEqual([{ id: 'video_0000', at: 65_000 }]);
    expect(job.id).toBe('video_0002');
    expect(provider.createTimes).toEqual([0, 0, 65_000]);
  });

  it('self-polls every interval until the held job finishes', async () => {
    const { clock, provider, client } = setupClient(
      { plan: { queuedMs: 1000, runningMs: 10_000 } },
      { maxConcurrentJobs: 1, poll: { intervalMs: 5000 } },
    );
    await client.create({ prompt: 'one' });
    const second = await clock.run(client.create({ prompt: 'two' }));
    expect(provider.gets.map((read) => read.at)).toEqual([5000, 10_000, 15_000]);
    expect(second.id).toBe('video_0001');
    expect(provider.createTimes).toEqual([0, 15_000]);
  });

  it('treats a "too many running tasks" 429 as a full service: waits, then creates, without retry budget', async () => {
    const { clock, provider, client, eventsOf } = setupClient(
      { serviceLimit: 2, serviceFullRetryAfterMs: 5000 },
      { maxConcurrentJobs: 2, retry: { maxAttempts: 1 } },
    );
    provider.addExternalJob({ queuedMs: 1000, runningMs: 10_000 }); // someone else's job, done at 11 s
    await client.create({ prompt: 'mine' });
    const job = await clock.run(client.create({ prompt: 'waits for the external job' }));
    expect(provider.createTimes).toEqual([0, 0, 5000, 10_000, 15_000]);
    expect(job.createdAt.getTime()).toBe(15_000);
    expect(eventsOf('service-full').map((event) => event.retryAfterMs)).toEqual([5000, 5000, 5000]);
    expect(eventsOf('retry')).toEqual([]);
    expect(provider.maxUnfinished).toBe(2);
  });

  it('ends the full-service pause early when a job of this client finishes', async () => {
    const { clock, provider, client } = setupClient(
      { serviceLimit: 1, serviceFullRetryAfterMs: 600_000 },
      { maxConcurrentJobs: 2, poll: { intervalMs: 5000, backoff: 1 } },
    );
    const first = await client.create({ prompt: 'first' });
    const waiting = client.wait(first.id);
    const second = client.create({ prompt: 'second' });
    await clock.run(waiting);
    expect(clock.now()).toBe(15_000); // polls at 0, 5 s, 10 s, 15 s: done at 11 s
    const job = await clock.run(second);
    expect(provider.createTimes).toEqual([0, 0, 15_000]);
    expect(job.id).toBe('video_0001');
  });

  it('gives up after maxServiceFullRetries refusals with the QuotaExceededError', async () => {
    const { clock, provider, client } = setupClient(
      { serviceLimit: 0, serviceFullRetryAfterMs: 1000 },
      { maxServiceFullRetries: 2 },
    );
    const error = await clock.run(client.create({ prompt: 'never fits' })).catch((caught: unknown) => caught);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
    expect((error as QuotaExceededError).reason).toBe('concurrency');
    expect(provider.createTimes).toEqual([0, 1000, 2000]);
    expect(client.gate.held).toBe(0);
  });

  it('frees the slot when a create fails, and when a job is deleted', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 1 });
    provider.failNext('create', new QuotaExceededError({ message: 'billing', reason: 'billing' }));
    await expect(clock.run(client.create({ prompt: 'a' }))).rejects.toThrow('billing');
    expect(client.gate.held).toBe(0);
    const job = await clock.run(client.create({ prompt: 'b' }));
    expect(client.hasFreeSlot()).toBe(false);
    await client.delete(job.id);
    expect(client.hasFreeSlot()).toBe(true);
  });

  it('leaves the queue with AbortedError when the signal aborts', async () => {
    const { clock, client } = setupClient({}, { maxConcurrentJobs: 1 });
    await client.create({ prompt: 'holder' });
    const controller = new AbortController();
    const queued = client.create({ prompt: 'queued' }, { signal: controller.signal }).catch((error) => error);
    await clock.advance(1000);
    expect(client.gate.queued).toBe(1);
    controller.abort();
    const error = await queued;
    expect(error.name).toBe('AbortedError');
    expect(client.gate.queued).toBe(0);
  });
});
