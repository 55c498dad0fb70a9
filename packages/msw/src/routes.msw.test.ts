import { createEmulator } from '@sora-kit/emulator';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import OpenAI, { InternalServerError } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSoraHandlers } from './create-sora-handlers.js';

const emulator = createEmulator({ clock: 'manual', seed: 1, logLevel: 'silent' });
const main = createSoraHandlers({ emulator });
const proxy = createSoraHandlers({
  emulator,
  openaiBaseURL: 'https://proxy.example/api/v1/',
  azureEndpoint: 'https://gateway.example/azure',
  controlBaseURL: 'https://control.example/emu',
});
const server = setupServer(...main.handlers, ...proxy.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  emulator.control.reset();
});
afterAll(() => server.close());

const json = { 'content-type': 'application/json' };

describe('createSoraHandlers routes', () => {
  it('serves from the emulator it is given, and groups handlers per backend', () => {
    expect(main.emulator).toBe(emulator);
    const { openai, azure, azureSora2, azureSora1, control } = main.handlers;
    expect(azure).toEqual([...azureSora2, ...azureSora1]);
    expect([...main.handlers]).toEqual([...new Set([...openai, ...azure, ...control])]);
    expect(control).toHaveLength(1);
    expect(createSoraHandlers({ emulator, controlBaseURL: false }).handlers.control).toEqual([]);
  });

  it('Azure Sora 1 jobs with plain fetch: create, poll, list, download, thumbnail, delete', async () => {
    const base = 'https://myres.openai.azure.com/openai/v1/video/generations';
    const headers = { 'api-key': 'raw-key', ...json };
    const created = await fetch(`${base}/jobs?api-version=preview`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: 'sora',
        prompt: 'a cat playing piano',
        width: 480,
        height: 480,
        n_seconds: 5,
      }),
    });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { id: string; status: string };
    expect(job.status).toBe('queued');

    emulator.clock.advance(60_000);
    const polled = await fetch(`${base}/jobs/${job.id}?api-version=preview`, { headers });
    const done = (await polled.json()) as { status: string; generations: { id: string }[] };
    expect(done.status).toBe('succeeded');
    const generation = done.generations[0]?.id ?? '';
    expect(generation).toMatch(/^gen_/);

    const list = (await (await fetch(`${base}/jobs?api-version=preview&limit=10`, { headers })).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((item) => item.id)).toEqual([job.id]);

    const video = await fetch(`${base}/${generation}/content/video?api-version=preview`, { headers });
    expect(video.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await video.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
    const thumbnail = await fetch(`${base}/${generation}/content/thumbnail?api-version=preview`, { headers });
    expect([...new Uint8Array(await thumbnail.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    const deleted = await fetch(`${base}/jobs/${job.id}?api-version=preview`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${base}/jobs/${job.id}?api-version=preview`, { headers })).status).toBe(404);
  });

  it('maps a custom OpenAI base URL path onto /v1 and an Azure gateway path onto /openai/v1', async () => {
    const openai = new OpenAI({ apiKey: 'sk-proxy', baseURL: 'https://proxy.example/api/v1', maxRetries: 0 });
    const video = await openai.videos.create({ model: 'sora-2', prompt: 'through a proxy' });
    const azure = new OpenAI({
      apiKey: 'az-proxy',
      baseURL: 'https://gateway.example/azure/openai/v1',
      maxRetries: 0,
    });
    const azureVideo = await azure.videos.create({ model: 'sora-2', prompt: 'through a gateway' });
    const partitions = emulator.control.jobs().map(({ record }) => record.partition);
    expect(partitions.sort()).toEqual(['azure:az-proxy', 'openai:sk-proxy']);
    expect((await openai.videos.retrieve(video.id)).id).toBe(video.id);
    expect((await azure.videos.retrieve(azureVideo.id)).id).toBe(azureVideo.id);
  });

  it('serves the control API on the control host, with or without a base path', async () => {
    const before = emulator.clock.now();
    const advanced = await fetch('http://sora-emulator.test/_emulator/clock/advance', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ms: 1_000 }),
    });
    expect(advanced.status).toBe(200);
    expect(emulator.clock.now()).toBe(before + 1_000);
    const health = await fetch('https://control.example/emu/_emulator/health');
    expect(health.status).toBe(200);
  });

  it('leaves other paths on the intercepted hosts to onUnhandledRequest', async () => {
    await expect(fetch('https://api.openai.com/v1/chat/completions', { method: 'POST' })).rejects.toThrow();
    await expect(fetch('https://proxy.example/v1/videos')).rejects.toThrow();
  });

  it('lets server.use() override one call ahead of the emulator', async () => {
    server.use(
      http.post(
        'https://api.openai.com/v1/videos',
        () => HttpResponse.json({ error: { message: 'boom', type: 'server_error' } }, { status: 500 }),
        { once: true },
      ),
    );
    const openai = new OpenAI({ apiKey: 'sk-override', maxRetries: 0 });
    await expect(openai.videos.create({ model: 'sora-2', prompt: 'first' })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect((await openai.videos.create({ model: 'sora-2', prompt: 'second' })).status).toBe('queued');
  });
});
