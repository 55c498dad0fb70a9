import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/index.js';
import { createEngine } from '../engine/index.js';
import { createWebhookDispatcher } from './webhook-dispatcher.js';

const SECRET = `whsec_${Buffer.from('emulator-test-secret-0123456789').toString('base64')}`;

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A real receiver on 127.0.0.1 answering the given statuses in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received };
}

function setup(url: string, options: { maxAttempts?: number } = {}) {
  const clock = createManualClock();
  const engine = createEngine({ clock, seed: 7, quota: 'none' });
  const delays: number[] = [];
  const webhooks = createWebhookDispatcher({
    engine,
    url,
    secret: SECRET,
    startMs: clock.now(),
    wallNow: () => Date.now(),
    delay: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  const create = (partition: string, prompt = 'a red balloon over a lake') =>
    engine.createJob({
      partition,
      kind: 'sora2',
      prompt,
      model: 'sora-2',
      width: 1280,
      height: 720,
      seconds: 4,
    });
  return { clock, engine, webhooks, delays, create };
}

function headersOf(received: Received): Record<string, string> {
  return Object.fromEntries(Object.entries(received.headers).map(([k, v]) => [k, String(v)]));
}

describe('createWebhookDispatcher', () => {
  it('sends video.completed that the openai SDK verifies with webhooks.unwrap', async () => {
    const { url, received } = await receiver([200]);
    const { clock, webhooks, create } = setup(url);
    const job = create('openai:sk-a');
    expect(webhooks.scan(clock.now())).toBe(0);
    clock.advance(job.settlesAt - clock.now());
    expect(webhooks.scan(clock.now())).toBe(1);
    await webhooks.idle();

    expect(received).toHaveLength(1);
    const [first] = received as [Received];
    const client = new OpenAI({ apiKey: 'sk-unused', webhookSecret: SECRET });
    const event = (await client.webhooks.unwrap(first.body, headersOf(first))) as unknown as Record<
      string,
      unknown
    >;
    expect(event).toEqual({
      id: first.headers['webhook-id'],
      object: 'event',
      created_at: Math.floor(job.settlesAt / 1000),
      type: 'video.completed',
      data: { id: job.job.id },
    });
    expect(String(event.id)).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(webhooks.deliveries()).toMatchObject([{ outcome: 'delivered', attempts: 1, lastStatus: 200 }]);
    // The same moment is never announced twice.
    expect(webhooks.scan(clock.now())).toBe(0);
  });

  it('a wrong secret does not verify', async () => {
    const { url, received } = await receiver([200]);
    const { clock, webhooks, create } = setup(url);
    const job = create('openai:sk-a');
    clock.advance(job.settlesAt - clock.now());
    webhooks.scan(clock.now());
    await webhooks.idle();
    const [first] = received as [Received];
    const other = new OpenAI({
      apiKey: 'sk-unused',
      webhookSecret: `whsec_${Buffer.from('other').toString('base64')}`,
    });
    await expect(other.webhooks.unwrap(first.body, headersOf(first))).rejects.toThrow(/signature/);
  });

  it('sends video.failed for a failed job and skips Azure partitions', async () => {
    const { url, received } = await receiver([200]);
    const { clock, engine, webhooks, create } = setup(url);
    engine.faults.addFailure({ progress: 30, code: 'internal_error', match: { promptIncludes: 'storm' } });
    const failed = create('openai:sk-a', 'a storm at sea');
    create('azure:key-1');
    clock.advance(60_000);
    expect(webhooks.scan(clock.now())).toBe(1);
    await webhooks.idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse((received[0] as Received).body)).toMatchObject({
      type: 'video.failed',
      data: { id: failed.job.id },
    });
  });

  it('retries a non-2xx answer with exponential backoff, same event id each time', async () => {
    const { url, received } = await receiver([500, 503, 200]);
    const { clock, webhooks, delays, create } = setup(url);
    create('openai:sk-a');
    clock.advance(60_000);
    webhooks.scan(clock.now());
    await webhooks.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(delays).toEqual([500, 1000]);
    expect(webhooks.deliveries()).toMatchObject([{ outcome: 'delivered', attempts: 3, lastStatus: 200 }]);
  });

  it('gives up after maxAttempts and reports the failure', async () => {
    const { url, received } = await receiver([500]);
    const { clock, webhooks, delays, create } = setup(url, { maxAttempts: 3 });
    create('openai:sk-a');
    clock.advance(60_000);
    webhooks.scan(clock.now());
    await webhooks.idle();
    expect(received).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
    expect(webhooks.deliveries()).toMatchObject([{ outcome: 'failed', attempts: 3, lastStatus: 500 }]);
  });

  it('retries network errors (nothing listening)', async () => {
    const { url } = await receiver([200]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const { clock, webhooks, create } = setup(url, { maxAttempts: 2 });
    create('openai:sk-a');
    clock.advance(60_000);
    webhooks.scan(clock.now());
    await webhooks.idle();
    const [delivery] = webhooks.deliveries();
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 2, lastStatus: null });
    expect(delivery?.lastError).toBeTruthy();
  });
});
