import { describe, expect, it } from 'vitest';
import { QuotaExceededError, VideoApiError } from '../errors/index.js';
import { setupClient } from './test-support/setup-client.js';

const serverError = (status: number, headers?: Record<string, string>) =>
  new VideoApiError({
    message: `status ${status}`,
    status,
    body: { error: { message: `status ${status}`, type: 'server_error' } },
    ...(headers ? { headers } : {}),
  });

describe('VideoClient retries', () => {
  it('retries a retryable read after the Retry-After the server asked for', async () => {
    const { clock, provider, client, eventsOf } = setupClient();
    const job = await clock.run(client.create({ prompt: 'x' }));
    provider.failNext(
      'get',
      serverError(503, { 'retry-after': '2' }),
      serverError(503, { 'retry-after-ms': '750' }),
    );
    const read = await clock.run(client.get(job.id));
    expect(read.id).toBe(job.id);
    expect(provider.gets.map((call) => call.at)).toEqual([0, 2000, 2750]);
    expect(
      eventsOf('retry').map(({ delayMs, fromServer, attempt }) => ({ delayMs, fromServer, attempt })),
    ).toEqual([
      { delayMs: 2000, fromServer: true, attempt: 1 },
      { delayMs: 750, fromServer: true, attempt: 2 },
    ]);
  });

  it('backs off with full jitter from the injected random when the server says nothing', async () => {
    const { clock, provider, client, eventsOf } = setupClient(
      {},
      { random: () => 0.5, retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 } },
    );
    provider.failNext('list', serverError(500), serverError(502), serverError(500));
    await clock.run(client.listPage());
    expect(eventsOf('retry').map((event) => event.delayMs)).toEqual([500, 1000, 1500]);
    expect(provider.calls.list).toBe(4);
  });

  it('throws the last error when attempts run out, and never retries a non-retryable error', async () => {
    const { clock, provider, client } = setupClient({}, { retry: { maxAttempts: 2 } });
    provider.failNext('list', serverError(500), serverError(500), serverError(500));
    await expect(clock.run(client.listPage())).rejects.toThrow('status 500');
    expect(provider.calls.list).toBe(2);
    provider.failNext('delete', serverError(400));
    await expect(clock.run(client.delete('video_0000'))).rejects.toThrow('status 400');
    expect(provider.calls.delete).toBe(1);
  });

  it('does not wait longer than maxRetryAfterMs: a longer Retry-After is thrown to the caller', async () => {
    const { clock, provider, client } = setupClient({}, { retry: { maxRetryAfterMs: 10_000 } });
    provider.failNext('list', new QuotaExceededError({ message: 'slow down', retryAfterMs: 60_000 }));
    await expect(clock.run(client.listPage())).rejects.toThrow('slow down');
    expect(provider.calls.list).toBe(1);
  });

  it('retries a create refused by a rate limit, honouring retryAfterMs', async () => {
    const { clock, provider, client } = setupClient();
    provider.failNext(
      'create',
      new QuotaExceededError({ message: 'rate', reason: 'rate', retryAfterMs: 1500 }),
    );
    const job = await clock.run(client.create({ prompt: 'x' }));
    expect(provider.createTimes).toEqual([0, 1500]);
    expect(job.id).toBe('video_0000');
  });

  it('does not retry a create after a 5xx by default (it may have started a billed job)', async () => {
    const { clock, provider, client } = setupClient();
    provider.failNext('create', serverError(500));
    await expect(clock.run(client.create({ prompt: 'x' }))).rejects.toThrow('status 500');
    expect(provider.calls.create).toBe(1);
    expect(client.gate.held).toBe(0);
  });

  it('retries a create after a 5xx when retryCreateOnServerError is set', async () => {
    const { clock, provider, client } = setupClient({}, { retry: { retryCreateOnServerError: true } });
    provider.failNext('create', serverError(500));
    await clock.run(client.create({ prompt: 'x' }));
    expect(provider.calls.create).toBe(2);
  });

  it('keeps polling through transient errors while waiting', async () => {
    const { clock, provider, client } = setupClient({}, { poll: { intervalMs: 5000, backoff: 1 } });
    const job = await clock.run(client.create({ prompt: 'x' }));
    provider.failNext('get', serverError(503, { 'retry-after': '1' }));
    const done = await clock.run(client.wait(job.id));
    expect(done.status).toBe('completed');
    expect(provider.gets.map((call) => call.at)).toEqual([0, 1000, 6000, 11_000]);
  });
});
