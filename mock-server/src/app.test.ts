import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';

const AUTH = { authorization: 'Bearer sk-app', 'content-type': 'application/json' };
const SORA1_AUTH = { 'api-key': 'sora1-app', 'content-type': 'application/json' };

async function completedVideo(emulator: ReturnType<typeof createEmulator>): Promise<string> {
  const res = await emulator.app.request('/v1/videos', {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({ prompt: 'a red balloon' }),
  });
  const { id } = (await res.json()) as { id: string };
  emulator.clock.advance(600_000);
  return id;
}

describe('the emulator app', () => {
  it('answers a status poll synchronously when no fault or Idempotency-Key applies, and logs it', async () => {
    const emulator = createEmulator({ clock: 'manual', quota: 'none', renderWorkers: 0 });
    const id = await completedVideo(emulator);
    const answer = emulator.app.fetch(new Request(`http://localhost/v1/videos/${id}`, { headers: AUTH }));
    // A synchronous answer lets @hono/node-server write it at once, without a promise chain.
    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('completed');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^req_/);
    const [entry] = await logEntries(emulator);
    expect(entry).toMatchObject({ method: 'GET', path: `/v1/videos/${id}`, status: 200, requestId });

    // With a fault configured the request waits for the fault stage, and the fault answers.
    emulator.control.injectRouteFault({ route: `GET /v1/videos/${id}`, status: 503, count: 1 });
    const faulted = emulator.app.fetch(new Request(`http://localhost/v1/videos/${id}`, { headers: AUTH }));
    expect(faulted).toBeInstanceOf(Promise);
    expect((await faulted).status).toBe(503);
    expect((await emulator.app.request(`/v1/videos/${id}`, { headers: AUTH })).status).toBe(200);
  });

  it('answers a Sora 1 status poll synchronously, with its request ids, and keeps its refusals', async () => {
    const emulator = createEmulator({ clock: 'manual', quota: 'none', renderWorkers: 0 });
    const jobs = 'http://localhost/openai/v1/video/generations/jobs';
    const created = await emulator.app.request(`${jobs}?api-version=preview`, {
      method: 'POST',
      headers: SORA1_AUTH,
      body: JSON.stringify({ model: 'sora', prompt: 'a quiet lake', width: 480, height: 480, n_seconds: 1 }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    emulator.clock.advance(600_000);
    const answer = emulator.app.fetch(
      new Request(`${jobs}/${id}?api-version=preview`, { headers: SORA1_AUTH }),
    );
    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('succeeded');
    const requestId = response.headers.get('apim-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const [entry] = await logEntries(emulator);
    expect(entry).toMatchObject({ method: 'GET', status: 200, requestId });

    // Refusals answer synchronously too, in the wrapped Azure envelope with both id headers.
    const refused = emulator.app.fetch(
      new Request(`${jobs}/${id}?api-version=2024-01-01`, { headers: SORA1_AUTH }),
    );
    expect(refused).toBeInstanceOf(Response);
    const badVersion = refused as Response;
    expect(badVersion.status).toBe(400);
    expect(badVersion.headers.get('apim-request-id')).toBe(badVersion.headers.get('x-request-id'));
    expect(await badVersion.json()).toEqual({
      error: {
        code: 'BadRequest',
        message: "API version not supported: '2024-01-01'. Use one of v1, preview.",
        param: 'api-version',
        type: 'invalid_request_error',
      },
    });
    const unknown = await emulator.app.request(`${jobs}/${id}/nope?api-version=bad`, { method: 'PUT' });
    expect(unknown.status).toBe(400);
    const missing = await emulator.app.request(`${jobs}/${id}/nope`, { method: 'PUT' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NotFound');

    const retired = createEmulator({ clock: 'manual', retired: ['azure-sora1'], renderWorkers: 0 });
    const gone = retired.app.fetch(new Request(`${jobs}/task_1?api-version=bad`, { headers: SORA1_AUTH }));
    expect(gone).toBeInstanceOf(Response);
    expect((gone as Response).headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await (gone as Response).json()) as { error: { code: string } }).error.code).toBe(
      'service_retired',
    );
  });

  it('answers unknown paths under a Sora 2 /videos as the dialect does: a request id, the retired answer', async () => {
    const emulator = createEmulator({ clock: 'manual', renderWorkers: 0 });
    const unknown = await emulator.app.request('/v1/videos/video_1/nope', { headers: AUTH });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid URL (GET /v1/videos/video_1/nope)',
    );
    const azure = await emulator.app.request('/openai/videos/video_1', { method: 'PUT', headers: AUTH });
    expect(azure.status).toBe(404);
    expect(azure.headers.get('x-request-id')).toMatch(/^req_/);
    // Outside every dialect there is no request id, as before.
    const outside = await emulator.app.request('/v1/videosx');
    expect(outside.status).toBe(404);
    expect(outside.headers.get('x-request-id')).toBeNull();

    const retired = createEmulator({ clock: 'manual', retired: ['openai-sora2'], renderWorkers: 0 });
    const gone = await retired.app.request('/v1/videos/video_1/nope');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('service_retired');
  });
});

async function logEntries(emulator: ReturnType<typeof createEmulator>): Promise<Record<string, unknown>[]> {
  const res = await emulator.app.request('/_emulator/requests');
  return ((await res.json()) as { data: Record<string, unknown>[] }).data;
}
