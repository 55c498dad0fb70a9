import { QuotaExceededError, UnsupportedCapabilityError, ValidationError } from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVideoClient, createVideoProvider } from './create-video-client.js';
import { emulatorClient, emulatorClientOptions, unfinishedJobs } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';
import { createVideoRouter } from './video-router.js';

describe('createVideoRouter against the emulator', () => {
  let driver: EmulatorDriver;
  beforeEach(async () => {
    driver = await startEmulatorDriver();
  });
  afterEach(async () => {
    await driver.close();
  });

  it('takes a client made from any provider, and reports prompt advice through onWarning', async () => {
    const provider = createVideoProvider(emulatorClientOptions(driver, 'openai-sora2', 'provider'));
    const client = createVideoClient({
      provider,
      clock: driver.clock,
      delay: driver.delay,
      random: () => 0.5,
      maxConcurrentJobs: 1,
    });
    expect(client.provider).toBe(provider);
    expect(client.gate.limit).toBe(1);
    const router = createVideoRouter([client]);
    const advice: (string | undefined)[] = [];
    const job = await driver.run(
      router.generate(
        { prompt: 'a fox', seconds: 4 },
        { onWarning: (warning) => advice.push(warning.element) },
      ),
    );
    expect(job.status).toBe('completed');
    expect(advice).toEqual(['shot', 'action', 'setting', 'lighting', 'camera']);
  });

  it('falls back past a retired backend and past a failing one, but not past a bad request', async () => {
    const retired = emulatorClient(driver, 'openai-sora2', 'fallback');
    const sora1 = emulatorClient(driver, 'azure-sora1', 'fallback');
    const router = createVideoRouter([retired, sora1]);
    driver.emulator.control.retireModel('sora-2');
    const first = await driver.run(router.create({ prompt: 'p', size: '1280x720', seconds: 4 }));
    expect(first.backend).toBe('azure-sora1');

    driver.emulator.control.restoreModel('sora-2');
    driver.emulator.control.injectRouteFault({ route: 'POST /v1/videos', count: 1, status: 503 });
    const second = await driver.run(router.create({ prompt: 'p', size: '1280x720', seconds: 4 }));
    expect(second.backend).toBe('azure-sora1');

    driver.emulator.control.injectRouteFault({ route: 'POST /v1/videos', count: 1, status: 400 });
    const refused = await driver
      .run(router.create({ prompt: 'p', size: '1280x720', seconds: 4 }))
      .catch((error: unknown) => error);
    expect((refused as { status?: number }).status).toBe(400);
  });

  it('routes by capability: 1080p, 20 s and variants to Sora 1; audio and remix to Sora 2', () => {
    const sora2 = emulatorClient(driver, 'openai-sora2');
    const sora1 = emulatorClient(driver, 'azure-sora1');
    const router = createVideoRouter([sora2, sora1]);
    const route = (request: Parameters<typeof router.candidates>[0], require?: ('audio' | 'remix')[]) =>
      router.candidates(request, require).map((client) => client.backend);

    expect(route({ prompt: 'p', size: '1920x1080', seconds: 5 })).toEqual(['azure-sora1']);
    expect(route({ prompt: 'p', size: '1280x720', seconds: 20 })).toEqual(['azure-sora1']);
    expect(route({ prompt: 'p', size: '854x480', seconds: 5, variants: 3 })).toEqual(['azure-sora1']);
    expect(route({ prompt: 'p', size: '1280x720', seconds: 4 })).toEqual(['openai-sora2', 'azure-sora1']);
    expect(route({ prompt: 'p', size: '1280x720', seconds: 4 }, ['audio'])).toEqual(['openai-sora2']);
    expect(route({ prompt: 'p', size: '1280x720', seconds: 4 }, ['remix'])).toEqual(['openai-sora2']);
    expect(route({ prompt: 'p', size: '1920x1080', seconds: 5 }, ['audio'])).toEqual([]);
  });

  it('creates 1080p, 20 s and multi-variant jobs on Sora 1 even when Sora 2 comes first', async () => {
    const router = createVideoRouter([
      emulatorClient(driver, 'openai-sora2', 'mixed'),
      emulatorClient(driver, 'azure-sora1', 'mixed'),
    ]);
    const wide = await driver.run(router.create({ prompt: 'p', size: '1920x1080', seconds: 5 }));
    const long = await driver.run(router.create({ prompt: 'p', size: '1280x720', seconds: 20 }));
    expect([wide.backend, long.backend]).toEqual(['azure-sora1', 'azure-sora1']);
    const variants = await driver.run(
      router.generate({ prompt: 'p', size: '854x480', seconds: 2, variants: 3 }),
    );
    expect(variants.backend).toBe('azure-sora1');
    expect(variants.outputs).toHaveLength(3);
    const plain = await driver.run(router.create({ prompt: 'p', size: '1280x720', seconds: 4 }));
    expect(plain.backend).toBe('openai-sora2');
    expect(
      driver.requests.filter((request) => request.method === 'POST').map((request) => request.path),
    ).toEqual([
      '/openai/v1/video/generations/jobs',
      '/openai/v1/video/generations/jobs',
      '/openai/v1/video/generations/jobs',
      '/v1/videos',
    ]);
  });

  it('refuses what no backend accepts before sending anything', async () => {
    const router = createVideoRouter([
      emulatorClient(driver, 'openai-sora2'),
      emulatorClient(driver, 'azure-sora1'),
    ]);
    await expect(router.create({ prompt: 'p', size: '333x333' })).rejects.toBeInstanceOf(ValidationError);
    const refused = await router
      .create({ prompt: 'p', size: '1920x1080', seconds: 5 }, { require: ['audio'] })
      .catch((e) => e);
    expect(UnsupportedCapabilityError.isInstance(refused)).toBe(true);
    expect(driver.requests).toEqual([]);
  });

  it('a remix goes to the Sora 2 backend that owns the job, and handles name their backend', async () => {
    const openai = emulatorClient(driver, 'openai-sora2', 'owner-a');
    const azure = emulatorClient(driver, 'azure-sora2', 'owner-b');
    const router = createVideoRouter([openai, azure]);
    const job = await driver.run(
      router.generate({ prompt: 'a red balloon', size: '1280x720', seconds: 4 }, { require: ['remix'] }),
    );
    expect(job.backend).toBe('openai-sora2');
    const remix = await driver.run(router.remix(job, { prompt: 'the same balloon at night' }));
    expect(remix.backend).toBe('openai-sora2');
    expect(remix.remixedFromId).toBe(job.id);
    const handle = router.toHandle(remix);
    expect(router.clientFor(handle)).toBe(openai);
    const again = createVideoRouter([azure, openai]);
    expect((await driver.run(again.wait(handle))).status).toBe('completed');
  });

  it('overflows to the second backend when the first is full, and queues when both are', async () => {
    const first = emulatorClient(driver, 'openai-sora2', 'first');
    const second = emulatorClient(driver, 'azure-sora2', 'second');
    const router = createVideoRouter([first, second]);
    const request = { prompt: 'a red balloon', size: '1280x720', seconds: 4 } as const;

    const created = await driver.run(Promise.all([1, 2, 3, 4].map(() => router.create(request))));
    expect(created.map((job) => job.backend)).toEqual([
      'openai-sora2',
      'openai-sora2',
      'azure-sora2',
      'azure-sora2',
    ]);
    expect(unfinishedJobs(driver, 'first')).toBe(2);
    expect(unfinishedJobs(driver, 'second')).toBe(2);

    // Both full: the fifth waits until a slot frees, then starts without any 429.
    let most = 0;
    driver.onResponse = () => {
      most = Math.max(most, unfinishedJobs(driver, 'first'), unfinishedJobs(driver, 'second'));
    };
    const fifth = await driver.run(router.generate({ ...request, prompt: 'the fifth balloon' }));
    expect(fifth.status).toBe('completed');
    expect(most).toBeLessThanOrEqual(2);
    const finished = await driver.run(Promise.all(created.map((job) => router.wait(job))));
    expect(finished.map((job) => job.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
  });

  it('falls back to the next backend on a quota 429', async () => {
    const first = emulatorClient(driver, 'openai-sora2', 'quota', { retry: { maxAttempts: 1 } });
    const second = emulatorClient(driver, 'azure-sora2', 'quota');
    driver.emulator.control.injectRouteFault({
      route: 'POST /v1/videos',
      count: 1,
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
    });
    const router = createVideoRouter([first, second]);
    const job = await driver.run(router.create({ prompt: 'a red balloon', size: '1280x720', seconds: 4 }));
    expect(job.backend).toBe('azure-sora2');
    expect(driver.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/videos',
      'POST /openai/v1/videos',
    ]);

    driver.emulator.control.injectRouteFault({
      route: 'POST /*videos',
      count: 2,
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
    });
    const error = await driver
      .run(router.create({ prompt: 'again', size: '1280x720', seconds: 4 }))
      .catch((e) => e);
    expect(QuotaExceededError.isInstance(error)).toBe(true);
  });

  it('refuses two clients of one backend without distinct scopes, and ambiguous bare ids', () => {
    expect(() =>
      createVideoRouter([emulatorClient(driver, 'openai-sora2'), emulatorClient(driver, 'openai-sora2')]),
    ).toThrow(ValidationError);
    const router = createVideoRouter([
      emulatorClient(driver, 'openai-sora2', 'a', { scope: 'account-a' }),
      emulatorClient(driver, 'openai-sora2', 'b', { scope: 'account-b' }),
    ]);
    expect(() => router.clientFor('video_123')).toThrow(ValidationError);
    expect(router.clientFor('sora-kit:v1:openai-sora2:video_123?scope=account-b').scope).toBe('account-b');
  });
});
