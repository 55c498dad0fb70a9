import { describe, expect, it, vi } from 'vitest';
import { createEmulator } from './emulator.js';
import { createMemoryStore } from './store/memory-store.js';

describe('createEmulator', () => {
  it('resolves defaults and exposes clock, engine and control', () => {
    const emulator = createEmulator({ clock: 'manual', startMs: 1_000_000 });
    expect(emulator.options.quota).toBe('concurrent:2');
    expect(emulator.options.retentionHours).toBe(24);
    expect(emulator.options.limits.maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(emulator.clock.now()).toBe(1_000_000);
    expect(emulator.control.faults).toBe(emulator.engine.faults);
    expect(emulator.deploymentModel('sora-2-pro', 'sora2')).toBe('sora-2-pro');
    expect(emulator.options.deploymentMode).toBe('lenient');
    expect(emulator.deploymentModel('nope', 'sora2')).toBe('sora-2');
    expect(emulator.deploymentModel('nope', 'sora1')).toBe('sora');
    const strict = createEmulator({ deployments: { prod: 'sora-2-pro' } });
    expect(strict.options.deploymentMode).toBe('strict');
    expect(strict.deploymentModel('prod', 'sora2')).toBe('sora-2-pro');
    expect(strict.deploymentModel('sora-2', 'sora2')).toBeUndefined();
    expect(emulator.capabilities('openai-sora2', 'sora-2-pro').sizes).toContain('1792x1024');
  });

  it('answers unknown paths with a 404 in the OpenAI envelope', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    const res = await emulator.app.request('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        message: 'Invalid URL (GET /v1/nothing-here)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('listens on an ephemeral port of 127.0.0.1 and closes', async () => {
    const server = await createEmulator({ clock: 'manual' }).listen(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/v1/nothing-here`);
    expect(res.status).toBe(404);
    await server.close();
  });

  it('close() closes every server listen started, keeps app.fetch working and is safe twice', async () => {
    const emulator = createEmulator({ clock: 'manual' });
    const first = await emulator.listen(0);
    const second = await emulator.listen(0);
    expect((await fetch(`${second.url}/v1/nothing-here`)).status).toBe(404);
    await emulator.close();
    await expect(fetch(`${first.url}/v1/nothing-here`)).rejects.toThrow();
    await expect(fetch(`${second.url}/v1/nothing-here`)).rejects.toThrow();
    await emulator.close();
    await first.close();
    expect((await emulator.app.request('/v1/nothing-here')).status).toBe(404);
  });

  it('close() stops the webhook ticker', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const emulator = createEmulator({
        clock: 'manual',
        webhookUrl: 'http://127.0.0.1:9/hooks',
        webhookSecret: 'whsec_c2VjcmV0',
      });
      expect(vi.getTimerCount()).toBe(1);
      await emulator.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a failing dependency with a 500 envelope, logs it, and keeps serving', async () => {
    const logged: string[] = [];
    const store = {
      ...createMemoryStore(),
      put: () => {
        throw new Error('disk on fire');
      },
    };
    const emulator = createEmulator({
      clock: 'manual',
      store,
      logger: (level, message) => logged.push(`${level} ${message}`),
    });
    const res = await emulator.app.request('/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-a', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a red balloon' }),
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toEqual({
      error: {
        message: 'The server had an error while processing your request.',
        type: 'server_error',
        param: null,
        code: null,
      },
    });
    expect(logged.some((line) => line.startsWith('error ') && line.includes('disk on fire'))).toBe(true);
    const next = await emulator.app.request('/v1/videos/video_x', {
      headers: { authorization: 'Bearer sk-a' },
    });
    expect(next.status).toBe(404);
  });

  it('answers status polls over a real socket while a video renders on a worker thread', async () => {
    const emulator = createEmulator({ clock: 'manual', renderWorkers: 1 });
    const server = await emulator.listen(0);
    const headers = { authorization: 'Bearer sk-pool', 'content-type': 'application/json' };
    try {
      const created = await fetch(`${server.url}/v1/videos`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ prompt: 'a red balloon', size: '1280x720', seconds: '8' }),
      });
      const { id } = (await created.json()) as { id: string };
      emulator.clock.advance(600_000);
      const order: string[] = [];
      const download = fetch(`${server.url}/v1/videos/${id}/content`, { headers }).then(async (res) => {
        await res.arrayBuffer();
        order.push('download');
      });
      // Polls sent after the download started; the render must not hold them back.
      for (let i = 0; i < 3; i++) {
        const poll = await fetch(`${server.url}/v1/videos/${id}`, { headers });
        expect(poll.status).toBe(200);
        order.push('poll');
      }
      await download;
      expect(order).toEqual(['poll', 'poll', 'poll', 'download']);
    } finally {
      await emulator.close();
    }
  });
});
