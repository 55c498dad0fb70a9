import { describe, expect, it } from 'vitest';
import { AbortedError, ExpiredError, JobFailedError, NotFoundError, TimeoutError } from '../errors/index.js';
import { toHandle } from './job-handle.js';
import type { ProgressEvent } from './progress-tracker.js';
import { setupClient } from './test-support/setup-client.js';

describe('VideoClient.wait', () => {
  it("honours the service's openai-poll-after-ms hint", async () => {
    const { clock, provider, client, eventsOf } = setupClient({ pollAfterMs: 2500 });
    const job = await clock.run(client.create({ prompt: 'x' }));
    await clock.run(client.wait(job.id));
    expect(provider.gets.map((call) => call.at)).toEqual([0, 2500, 5000, 7500, 10_000, 12_500]);
    expect(new Set(eventsOf('poll').map((event) => event.nextDelayMs))).toEqual(new Set([2500]));
  });

  it("lets the caller's pollIntervalMs override the hint", async () => {
    const { clock, provider, client } = setupClient({ pollAfterMs: 2500, plan: { runningMs: 2000 } });
    const job = await clock.run(client.create({ prompt: 'x' }));
    await clock.run(client.wait(job.id, { pollIntervalMs: 1000 }));
    expect(provider.gets.map((call) => call.at)).toEqual([0, 1000, 2000, 3000]);
  });

  it('backs off adaptively between min and max without hints', async () => {
    const { clock, client, eventsOf } = setupClient(
      { plan: { runningMs: 100_000 } },
      { poll: { intervalMs: 4000, backoff: 2, minIntervalMs: 1000, maxIntervalMs: 20_000 } },
    );
    const job = await clock.run(client.create({ prompt: 'x' }));
    await clock.run(client.wait(job.id));
    expect(
      eventsOf('poll')
        .map((event) => event.nextDelayMs)
        .slice(0, 6),
    ).toEqual([4000, 8000, 16_000, 20_000, 20_000, 20_000]);
  });

  it('reports monotonic progress even when the service reports a lower value', async () => {
    const { clock, provider, client } = setupClient({
      plan: {
        queuedMs: 0,
        runningMs: 10_000,
        progress: (linear, reads) => (reads % 2 === 0 ? linear - 15 : linear),
      },
    });
    const job = await clock.run(client.create({ prompt: 'x' }));
    const seen: ProgressEvent[] = [];
    await clock.run(
      client.wait(job.id, {
        pollIntervalMs: 1000,
        onProgress: (event) => seen.push(event),
      }),
    );
    const progress = seen.map((event) => event.progress);
    expect(progress.every((value, index) => index === 0 || value >= progress[index - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(100);
    expect(seen.at(-1)?.status).toBe('completed');
    // The service did go backwards at least once; those reads produced no event.
    expect(provider.gets.length).toBeGreaterThan(seen.length);
    expect(seen.map((event) => event.status)).toContain('in_progress');
  });

  it('throws JobFailedError for a failed job, flagging moderation', async () => {
    const { clock, client } = setupClient({
      plan: (index) => ({
        outcome: { code: index === 0 ? 'moderation_blocked' : 'internal_error', message: 'no' },
      }),
    });
    const blocked = await clock.run(client.generate({ prompt: 'x' }).catch((error: unknown) => error));
    expect(JobFailedError.isInstance(blocked)).toBe(true);
    expect(blocked).toMatchObject({ jobId: 'video_0000', code: 'moderation_blocked', moderation: true });
    const broken = await clock.run(client.generate({ prompt: 'y' }).catch((error: unknown) => error));
    expect(broken).toMatchObject({ jobId: 'video_0001', code: 'internal_error', moderation: false });
    expect(client.gate.held).toBe(0);
  });

  it("throws JobFailedError with code 'cancelled' for a cancelled job", async () => {
    const { clock, client } = setupClient({ plan: { outcome: 'cancelled' } });
    const error = await clock.run(client.generate({ prompt: 'x' }).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ name: 'JobFailedError', code: 'cancelled', moderation: false });
  });

  it('throws TimeoutError at the deadline and leaves no timer behind', async () => {
    const { clock, client } = setupClient({ plan: { runningMs: 600_000 } });
    const job = await clock.run(client.create({ prompt: 'x' }));
    const error = await clock.run(
      client.wait(job.id, { timeoutMs: 12_000 }).catch((caught: unknown) => caught),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 12_000, jobId: job.id });
    expect(clock.now()).toBe(12_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('bounds generate() as a whole, queueing included', async () => {
    const { clock, client } = setupClient({ plan: { runningMs: 600_000 } }, { maxConcurrentJobs: 1 });
    await clock.run(client.create({ prompt: 'holder' }));
    const error = await clock.run(
      client.generate({ prompt: 'x' }, { timeoutMs: 30_000 }).catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 30_000 });
    expect(clock.now()).toBe(30_000);
    expect(client.gate.queued).toBe(0);
  });

  it('stops promptly with AbortedError when the signal aborts during a wait', async () => {
    const { clock, client } = setupClient({ plan: { runningMs: 600_000 } });
    const job = await clock.run(client.create({ prompt: 'x' }));
    const controller = new AbortController();
    const waiting = client.wait(job.id, { signal: controller.signal }).catch((caught: unknown) => caught);
    await clock.advance(3000);
    controller.abort(new Error('user left'));
    const error = await waiting;
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ jobId: job.id });
    expect(clock.now()).toBe(3000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reports a 404 after the known expiry as ExpiredError, otherwise NotFoundError', async () => {
    const { clock, client } = setupClient();
    await clock.advance(100_000);
    const expired = toHandle({ backend: 'openai-sora2', id: 'video_gone', expiresAt: new Date(50_000) });
    const error = await clock.run(client.wait(expired).catch((caught: unknown) => caught));
    expect(ExpiredError.isInstance(error)).toBe(true);
    expect((error as ExpiredError).expiresAt?.getTime()).toBe(50_000);
    const missing = await clock.run(client.get('video_never').catch((caught: unknown) => caught));
    expect(NotFoundError.isInstance(missing)).toBe(true);
  });
});
