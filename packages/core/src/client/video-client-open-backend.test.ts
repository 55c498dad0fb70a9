import { describe, expect, it } from 'vitest';
import { type BackendCapabilities, DEFAULT_CAPABILITIES } from '../capabilities/index.js';
import { ValidationError } from '../errors/index.js';
import { createTestClock } from '../testing/test-clock.js';
import { FakeVideoProvider } from './test-support/fake-video-provider.js';
import { setupClient } from './test-support/setup-client.js';
import { VideoClient } from './video-client.js';

const sora2 = DEFAULT_CAPABILITIES['openai-sora2'].models['sora-2']!;

/** A backend that is none of the three Sora ones, declaring its own table. */
const veoTable: BackendCapabilities = {
  defaultModel: 'veo-3.1',
  aliases: {},
  models: {
    'veo-3.1': {
      ...sora2,
      backend: 'google-veo',
      model: 'veo-3.1',
      sizes: ['1280x720', '1920x1080', '720x1280'],
      defaultSize: '1280x720',
      seconds: [4, 6, 8],
      defaultSeconds: 8,
      maxConcurrentJobs: 3,
      remix: false,
      notes: ['declared by the test'],
    },
  },
};

describe('VideoClient over a backend a provider brings', () => {
  it('validates against the provider table, gates by its concurrency, and hands out handles', async () => {
    const { clock, provider, client } = setupClient({ backend: 'google-veo', capabilities: veoTable });
    expect(client.backend).toBe('google-veo');
    expect(client.gate.limit).toBe(3);
    const error = await clock.run(
      client.create({ prompt: 'x', seconds: 5 }).catch((caught: unknown) => caught),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).message).toMatch(
      /seconds: 5 is not allowed on google-veo \(veo-3\.1\); allowed: 4, 6, 8/,
    );
    const job = await clock.run(client.generate({ prompt: 'a lighthouse', size: '1920x1080', seconds: 6 }));
    expect(provider.requests.at(-1)).toEqual({
      prompt: 'a lighthouse',
      size: '1920x1080',
      seconds: 6,
      variants: 1,
    });
    const handle = client.toHandle(job);
    expect(handle.startsWith('sora-kit:v1:google-veo:')).toBe(true);
    expect(client.fromHandle(handle)).toMatchObject({ backend: 'google-veo', id: job.id });
    expect((await clock.run(client.get(handle))).status).toBe('completed');
  });

  it('replaces the built-in table of a Sora backend when the provider brings one', () => {
    const clock = createTestClock();
    const narrowed: BackendCapabilities = {
      ...DEFAULT_CAPABILITIES['openai-sora2'],
      models: { 'sora-2': { ...sora2, seconds: [4] } },
    };
    const client = new VideoClient(new FakeVideoProvider({ clock, capabilities: narrowed }));
    expect(client.accepts({ prompt: 'x', seconds: 8 })).toBe(false);
    expect(client.accepts({ prompt: 'x', seconds: 4 })).toBe(true);
  });

  it('refuses an unknown backend without a table, naming the field and the known backends', () => {
    const clock = createTestClock();
    let caught: unknown;
    try {
      new VideoClient(new FakeVideoProvider({ clock, backend: 'mystery' }));
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).field).toBe('backend');
    expect((caught as ValidationError).allowed).toEqual(['azure-sora1', 'azure-sora2', 'openai-sora2']);
    expect((caught as ValidationError).message).toMatch(/mystery has no capability table/);
  });

  it('reports prompt advice through onWarning before creating, and only when asked', async () => {
    const { clock, provider, client } = setupClient();
    const warnings: string[] = [];
    await clock.run(
      client.generate({ prompt: 'a fox' }, { onWarning: (warning) => warnings.push(warning.code) }),
    );
    expect(warnings).toEqual([
      'missing-element',
      'missing-element',
      'missing-element',
      'missing-element',
      'missing-element',
    ]);
    expect(provider.calls.create).toBe(1);
    await clock.run(client.generate({ prompt: 'a fox' }));
    expect(provider.calls.create).toBe(2);
  });
});
