import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';

// The quota control route over a real loopback server, with the official SDK as the API client.
let emulator: Emulator;
let server: EmulatorServer;
let openai: OpenAI;

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', seed: 'quota', quota: 'concurrent:2', logLevel: 'silent' });
  server = await emulator.listen(0);
  openai = new OpenAI({ apiKey: 'sk-quota-route', baseURL: `${server.url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await emulator?.close();
});

async function quota(body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/_emulator/quota`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const createStatus = () =>
  openai.videos.create({ model: 'sora-2', prompt: 'quota probe', seconds: '4' }).then(
    () => 200,
    (error: unknown) => (error instanceof OpenAI.APIError ? error.status : -1),
  );

describe('/_emulator/quota', () => {
  it('reports the configured policy and applies a new one to the next create', async () => {
    expect(await quota()).toEqual({ status: 200, json: { mode: 'concurrent', max_concurrent: 2 } });
    expect(await quota({ mode: 'concurrent', max_concurrent: 1 })).toEqual({
      status: 200,
      json: { mode: 'concurrent', max_concurrent: 1 },
    });
    expect(await createStatus()).toBe(200);
    expect(await createStatus()).toBe(429); // under concurrent:2 this one would have been accepted
    expect(await quota({ mode: 'none' })).toEqual({ status: 200, json: { mode: 'none' } });
    expect(await createStatus()).toBe(200);
    expect(await createStatus()).toBe(200);
    await emulator.control.advanceClock(3_600_000);
    expect(await quota({ mode: 'rate', limit: 1, window_ms: 60_000 })).toEqual({
      status: 200,
      json: { mode: 'rate', limit: 1, window_ms: 60_000 },
    });
    expect(await createStatus()).toBe(200);
    expect(await createStatus()).toBe(429);
    await emulator.control.advanceClock(60_001);
    expect(await createStatus()).toBe(200);
  });

  it.each([
    [{ mode: 'concurrent', max_concurrent: 0 }, 'max_concurrent'],
    [{ mode: 'concurrent', max_concurrent: 1.5 }, 'max_concurrent'],
    [{ mode: 'rate', limit: 2 }, 'window_ms'],
    [{ mode: 'rate', limit: 2, window_ms: 60_000, burst: 3 }, null],
    [{ mode: 'forever' }, 'mode'],
    [{ max_concurrent: 3 }, 'mode'],
  ])('refuses %j with a 400 naming %s and changes nothing', async (body, param) => {
    const before = await quota();
    const refused = await quota(body);
    expect(refused.status).toBe(400);
    const error = refused.json.error as { message: string; type: string; param: string | null };
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe(param);
    if (param !== null) expect(error.message).toContain(param);
    expect(await quota()).toEqual(before);
  });

  it('is in the control OpenAPI document, built from the same schema', async () => {
    const doc = (await (await fetch(`${server.url}/_emulator/openapi.json`)).json()) as {
      paths: Record<string, { post?: unknown }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths['/_emulator/quota']?.post).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.Quota)).toContain('max_concurrent');
  });
});
