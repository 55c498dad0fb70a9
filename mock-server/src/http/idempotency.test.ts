import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorServer } from '../emulator.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(): Promise<{ server: EmulatorServer; emulator: ReturnType<typeof createEmulator> }> {
  const emulator = createEmulator({ clock: 'manual', logLevel: 'silent', quota: 'none' });
  const server = await emulator.listen(0);
  closers.push(() => server.close());
  return { server, emulator };
}

const create = (server: EmulatorServer, body: object, key?: string, auth = 'Bearer sk-a') =>
  fetch(`${server.url}/v1/videos`, {
    method: 'POST',
    headers: {
      authorization: auth,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });

describe('Idempotency-Key on creates', () => {
  it('the same key and body answer the first job again; no key makes a new job each time', async () => {
    const { server, emulator } = await serve();
    const first = await create(server, { prompt: 'a red balloon' }, 'key-1');
    const again = await create(server, { prompt: 'a red balloon' }, 'key-1');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as { id: string };
    const b = (await again.json()) as { id: string };
    expect(b.id).toBe(a.id);
    await create(server, { prompt: 'a red balloon' });
    await create(server, { prompt: 'a red balloon' });
    expect(emulator.control.jobs()).toHaveLength(3);
  });

  it('refuses the same key with another body (422, OpenAI envelope naming the header)', async () => {
    const { server } = await serve();
    await create(server, { prompt: 'a red balloon' }, 'key-2');
    const reused = await create(server, { prompt: 'a blue balloon' }, 'key-2');
    expect(reused.status).toBe(422);
    expect(await reused.json()).toEqual({
      error: expect.objectContaining({ param: 'Idempotency-Key', code: 'idempotency_key_reused' }),
    });
  });

  it('keys are per credential', async () => {
    const { server, emulator } = await serve();
    await create(server, { prompt: 'a red balloon' }, 'key-3', 'Bearer sk-a');
    await create(server, { prompt: 'a red balloon' }, 'key-3', 'Bearer sk-b');
    expect(emulator.control.jobs()).toHaveLength(2);
  });

  it('a dropped answer (latency fault after_route + drop) leaves the job; the retry with the key gets it', async () => {
    const { server, emulator } = await serve();
    const inject = await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'latency',
        latency_ms: 0,
        route: 'POST /v1/videos',
        count: 1,
        after_route: true,
        drop: true,
      }),
    });
    expect(inject.status).toBe(200);
    const sdk = new OpenAI({ apiKey: 'sk-a', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const lost = await sdk.videos
      .create({ prompt: 'a red balloon' }, { headers: { 'Idempotency-Key': 'key-4' } })
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(emulator.control.jobs()).toHaveLength(1);
    const video = await sdk.videos.create(
      { prompt: 'a red balloon' },
      { headers: { 'Idempotency-Key': 'key-4' } },
    );
    expect(emulator.control.jobs().map(({ record }) => record.id)).toEqual([video.id]);
  });

  it('latency after_route: the job exists before the answer comes', async () => {
    const { server, emulator } = await serve();
    await fetch(`${server.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'latency',
        latency_ms: 300,
        route: 'POST /v1/videos',
        count: 1,
        after_route: true,
      }),
    });
    const sdk = new OpenAI({ apiKey: 'sk-a', baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 100 });
    const late = await sdk.videos.create({ prompt: 'a red balloon' }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(emulator.control.jobs()).toHaveLength(1);
  });
});
