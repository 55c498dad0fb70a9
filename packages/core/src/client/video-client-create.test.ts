import { describe, expect, it } from 'vitest';
import { UnsupportedCapabilityError, ValidationError } from '../errors/index.js';
import { setupClient } from './test-support/setup-client.js';

describe('VideoClient create, remix and cancel', () => {
  it('refuses an invalid request before queueing or sending anything', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 1 });
    await clock.run(client.create({ prompt: 'holder' }));
    const error = await clock.run(
      client.create({ prompt: 'x', seconds: 7 }).catch((caught: unknown) => caught),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe('seconds');
    expect(client.gate.queued).toBe(0);
    expect(provider.calls.create).toBe(1);
    expect(client.accepts({ prompt: 'x', seconds: 7 })).toBe(false);
    expect(client.accepts({ prompt: 'x', seconds: 8 })).toBe(true);
  });

  it('hands the provider the request with the capability defaults applied', async () => {
    const { clock, provider, client } = setupClient({ backend: 'azure-sora1' });
    await clock.run(client.create({ prompt: 'a lighthouse' }));
    expect(provider.requests).toEqual([
      { prompt: 'a lighthouse', size: '1280x720', seconds: 5, variants: 1 },
    ]);
  });

  it('widens what is accepted with capability overrides', async () => {
    const { clock, provider, client } = setupClient({}, { capabilities: { seconds: [4, 8, 12, 16, 20] } });
    await clock.run(client.create({ prompt: 'long', seconds: 20 }));
    expect(provider.requests[0]?.seconds).toBe(20);
  });

  it('remixes through the gate and refuses remix where the backend has none', async () => {
    const { clock, provider, client } = setupClient({}, { maxConcurrentJobs: 1 });
    const source = await clock.run(client.generate({ prompt: 'x' }));
    const remixed = await clock.run(client.remix(source, { prompt: 'make it night' }));
    expect(remixed.id).toBe('video_0001');
    expect(client.gate.holds(remixed.id)).toBe(true);
    expect(provider.calls.remix).toBe(1);

    const sora1 = setupClient({ backend: 'azure-sora1' });
    const error = await sora1.client.remix('task_1', { prompt: 'x' }).catch((caught: unknown) => caught);
    expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ backend: 'azure-sora1', capability: 'remix' });
    expect(sora1.provider.calls.remix).toBe(0);
  });

  it('cancels on Sora 1, freeing the slot, and refuses cancel on Sora 2', async () => {
    const { clock, provider, client } = setupClient({ backend: 'azure-sora1' }, { maxConcurrentJobs: 1 });
    const job = await clock.run(client.create({ prompt: 'x' }));
    expect(client.hasFreeSlot()).toBe(false);
    await clock.run(client.cancel(job));
    expect(client.hasFreeSlot()).toBe(true);
    expect((await clock.run(client.get(job))).status).toBe('cancelled');
    expect(provider.calls.cancel).toBe(1);

    const sora2 = setupClient();
    await expect(sora2.client.cancel('video_1')).rejects.toMatchObject({
      name: 'UnsupportedCapabilityError',
      capability: 'cancel',
    });
  });
});
