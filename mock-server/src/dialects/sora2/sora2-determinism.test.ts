import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator.js';

const CONTROLLED_HEADERS = [
  'content-type',
  'content-length',
  'x-request-id',
  'openai-poll-after-ms',
  'retry-after',
  'retry-after-ms',
];

/** One scripted session; returns every status, controlled header and body (content as a hash). */
async function runSession(seed: string): Promise<string[]> {
  const emulator = createEmulator({ clock: 'manual', seed });
  const transcript: string[] = [];
  const call = async (method: string, path: string, body?: unknown, key = 'sk-determinism') => {
    const res = await emulator.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const shown = type.startsWith('application/json')
      ? new TextDecoder().decode(bytes)
      : createHash('sha256').update(bytes).digest('hex');
    const headers = CONTROLLED_HEADERS.map((name) => `${name}=${res.headers.get(name) ?? ''}`).join(' ');
    transcript.push(`${method} ${path} -> ${res.status} ${headers} ${shown}`);
    return JSON.parse(type.startsWith('application/json') ? shown : '{}') as { id?: string };
  };
  const a = await call('POST', '/v1/videos', { prompt: 'a red balloon', size: '1280x720' });
  const b = await call('POST', '/openai/v1/videos', { prompt: 'a blue kite', model: 'sora-2' });
  await call('POST', '/v1/videos', { prompt: 'a green boat', seconds: '8' });
  await call('POST', '/v1/videos', { prompt: 'third is refused' });
  await call('GET', `/v1/videos/${a.id}`);
  emulator.clock.advance(700);
  await call('GET', `/v1/videos/${a.id}`);
  await call('GET', `/v1/videos/${a.id}/content`);
  emulator.clock.advance(60_000);
  await call('GET', `/v1/videos/${a.id}`);
  await call('GET', `/openai/v1/videos/${b.id}`);
  for (const variant of ['video', 'thumbnail', 'spritesheet']) {
    await call('GET', `/v1/videos/${a.id}/content?variant=${variant}`);
  }
  const remix = await call('POST', `/v1/videos/${a.id}/remix`, { prompt: 'the balloon at night' });
  await call('GET', '/v1/videos?limit=2&order=asc');
  await call('DELETE', `/v1/videos/${a.id}`);
  await call('DELETE', `/v1/videos/${remix.id}`);
  await call('GET', '/v1/videos');
  emulator.clock.advance(24 * 3_600_000);
  await call('GET', `/openai/v1/videos/${b.id}`);
  return transcript;
}

describe('determinism', () => {
  it('the same seed and script give identical transcripts, bytes included', async () => {
    const first = await runSession('same');
    const second = await runSession('same');
    expect(second).toEqual(first);
    expect(first).toHaveLength(18);
  });

  it('another seed gives other ids', async () => {
    const [first] = await runSession('one');
    const [second] = await runSession('two');
    expect(first).not.toEqual(second);
  });
});
