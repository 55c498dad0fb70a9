import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator.js';

const DAY_MS = 86_400_000;
const SECRET = `whsec_${Buffer.from('clock-scopes-secret-0123456789ab').toString('base64')}`;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver(): Promise<{ url: string; videos: string[] }> {
  const videos: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      videos.push((JSON.parse(Buffer.concat(chunks).toString()) as { data: { id: string } }).data.id);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, videos };
}

async function start(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator: Emulator = createEmulator({
    clock: 'manual',
    seed: 'scopes',
    logLevel: 'silent',
    ...options,
  });
  const server = await emulator.listen(0);
  closers.push(() => emulator.close());
  const client = (key: string) => new OpenAI({ apiKey: key, baseURL: `${server.url}/v1`, maxRetries: 0 });
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/_emulator${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { emulator, url: server.url, client, control };
}

describe('clock scopes over the control API', () => {
  it('advance { ms, scope } moves one credential: status, quota, expiry and webhooks; others stay', async () => {
    const hooks = await receiver();
    const { emulator, client, control } = await start({
      quota: 'concurrent:1',
      webhookUrl: hooks.url,
      webhookSecret: SECRET,
    });
    const a = client('sk-test-1');
    const b = client('sk-test-2');
    const jobA = await a.videos.create({ prompt: 'scope a' });
    const jobB = await b.videos.create({ prompt: 'scope b' });
    const global = (await control('/clock')).body.now_ms as number;

    const moved = await control('/clock/advance', { ms: 10 * 60_000, scope: 'openai:sk-test-1' });
    expect(moved).toMatchObject({ status: 200, body: { scope: 'openai:sk-test-1', offset_ms: 600_000 } });
    expect((await a.videos.retrieve(jobA.id)).status).toBe('completed');
    expect((await b.videos.retrieve(jobB.id)).status).toBe('queued');
    expect((await control('/clock')).body.now_ms).toBe(global);
    // Quota: A's slot is free again, B's is still taken.
    const again = await a.videos.create({ prompt: 'a again' });
    expect(again.status).toBe('queued');
    await expect(b.videos.create({ prompt: 'b again' })).rejects.toMatchObject({ status: 429 });
    // Webhooks: only A's completion was announced.
    await emulator.control.webhooksIdle();
    const deliveries = (await control('/webhooks')).body;
    expect(JSON.stringify(deliveries)).toContain(jobA.id);
    expect(hooks.videos).toEqual([jobA.id]);
    // Expiry: A's job expires, B's stays.
    await control('/clock/advance', { ms: 2 * DAY_MS, scope: 'openai:sk-test-1' });
    await expect(a.videos.retrieve(jobA.id)).rejects.toMatchObject({ status: 404 });
    expect((await b.videos.retrieve(jobB.id)).status).toBe('queued');
    expect((await control('/clock?scope=openai:sk-test-1')).body).toMatchObject({
      now_ms: global + 10 * 60_000 + 2 * DAY_MS,
    });
    // The global clock moves everybody, scoped ones too.
    await control('/clock/advance', { ms: 10 * 60_000 });
    expect((await b.videos.retrieve(jobB.id)).status).toBe('completed');
    await emulator.control.webhooksIdle();
    expect(hooks.videos.sort()).toEqual([jobA.id, jobB.id, again.id].sort());
  });

  it('named scopes: credentials join, advance together, and are listed; bad bodies answer 400', async () => {
    const { client, control, url } = await start();
    const joined = await control('/clock/scopes', {
      scope: 'suite-a',
      credentials: ['openai:sk-c', 'azure:sk-c'],
    });
    expect(joined).toMatchObject({
      status: 200,
      body: { scope: 'suite-a', credentials: ['azure:sk-c', 'openai:sk-c'] },
    });
    const c = await client('sk-c').videos.create({ prompt: 'c' });
    const azure = await fetch(`${url}/openai/v1/videos`, {
      method: 'POST',
      headers: { 'api-key': 'sk-c', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'azure c', model: 'sora-2' }),
    });
    const azureVideo = (await azure.json()) as { id: string };
    const other = await client('sk-d').videos.create({ prompt: 'd' });
    await control('/clock/advance', { ms: 10 * 60_000, scope: 'suite-a' });
    expect((await client('sk-c').videos.retrieve(c.id)).status).toBe('completed');
    const azureAfter = await fetch(`${url}/openai/v1/videos/${azureVideo.id}`, {
      headers: { 'api-key': 'sk-c' },
    });
    expect(((await azureAfter.json()) as { status: string }).status).toBe('completed');
    expect((await client('sk-d').videos.retrieve(other.id)).status).toBe('queued');
    expect((await control('/clock/scopes')).body).toMatchObject({
      data: [{ scope: 'suite-a', offset_ms: 600_000 }],
    });
    expect(await control('/clock/advance', { ms: 1, scope: 'has space' })).toMatchObject({ status: 400 });
    expect(await control('/clock/scopes', { scope: 'x', credentials: [] })).toMatchObject({
      status: 400,
      body: { error: { param: 'credentials' } },
    });
    expect(await control('/clock/scopes', { scope: 'slow', credentials: ['openai:sk-c'] })).toMatchObject({
      status: 400,
    });
  });
});
