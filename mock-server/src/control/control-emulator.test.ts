import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorServer } from '../emulator.js';

const SECRET = `whsec_${Buffer.from('control-emulator-test-secret').toString('base64')}`;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(emulator: ReturnType<typeof createEmulator>): Promise<EmulatorServer> {
  const server = await emulator.listen(0);
  closers.push(() => server.close());
  return server;
}

async function receiver(): Promise<{
  url: string;
  received: { body: string; headers: IncomingHttpHeaders }[];
}> {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

describe('control API on a real emulator', () => {
  it('an injected 500 reaches the openai SDK as InternalServerError, then the route works again', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    const server = await serve(emulator);
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const inject = await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'POST /v1/videos', count: 1, status: 500 }),
    });
    expect(inject.status).toBe(200);
    await expect(client.videos.create({ prompt: 'a red balloon over a lake' })).rejects.toBeInstanceOf(
      OpenAI.InternalServerError,
    );
    const video = await client.videos.create({ prompt: 'a red balloon over a lake' });
    expect(video.status).toBe('queued');
    const jobs = (await (await fetch(`${server.url}/_emulator/jobs`)).json()) as { data: { id: string }[] };
    expect(jobs.data.map((j) => j.id)).toEqual([video.id]);
  });

  it('a retired model answers as retired through the dialect, in-process control', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    emulator.control.retireModel('sora-2', { status: 410 });
    const res = await emulator.app.request('/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a red balloon', model: 'sora-2' }),
    });
    expect(res.status).toBe(410);
    expect(JSON.stringify(await res.json())).toMatch(
      /retired|deprecated|shut down|no longer available|model_retired/i,
    );
  });

  it('sends a signed video.completed webhook when the manual clock passes completion', async () => {
    const { url, received } = await receiver();
    const emulator = createEmulator({
      clock: 'manual',
      startMs: Date.now(),
      webhookUrl: url,
      webhookSecret: SECRET,
    });
    const server = await serve(emulator);
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, webhookSecret: SECRET });
    const video = await client.videos.create({ prompt: 'a red balloon over a lake' });
    // Past completion under the manual clock's realistic timing (about 67 s for this video).
    const advanced = await fetch(`${server.url}/_emulator/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ ms: 600_000 }),
    });
    expect(advanced.status).toBe(200);
    await emulator.control.webhooksIdle();
    expect(received).toHaveLength(1);
    const [hit] = received as [{ body: string; headers: IncomingHttpHeaders }];
    const headers = Object.fromEntries(Object.entries(hit.headers).map(([k, v]) => [k, String(v)]));
    const event = (await client.webhooks.unwrap(hit.body, headers)) as unknown as {
      type: string;
      data: { id: string };
    };
    expect(event.type).toBe('video.completed');
    expect(event.data.id).toBe(video.id);
    const deliveries = (await (await fetch(`${server.url}/_emulator/webhooks`)).json()) as {
      deliveries: unknown[];
    };
    expect(deliveries.deliveries).toMatchObject([{ outcome: 'delivered', attempts: 1 }]);
  });

  it('refuses half-configured webhooks', () => {
    expect(() => createEmulator({ webhookUrl: 'http://127.0.0.1:1/x' })).toThrow(/secret/);
    expect(() => createEmulator({ webhookUrl: 'ftp://x', webhookSecret: SECRET })).toThrow(/http/);
  });
});
