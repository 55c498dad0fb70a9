import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { FakeVideoProvider } from './test-support/fake-video-provider.js';
import { setupClient } from './test-support/setup-client.js';
import { VideoClient } from './video-client.js';

describe('VideoClient job handles', () => {
  it('resumes a job from its handle in a new client (after a restart)', async () => {
    const { clock, provider, client } = setupClient({ backend: 'azure-sora1' });
    const job = await clock.run(client.create({ prompt: 'x' }));
    const handle = client.toHandle(job);
    expect(handle).toBe('sora-kit:v1:azure-sora1:video_0000');
    const restarted = new VideoClient(provider, { clock, delay: clock.delay });
    const done = await clock.run(restarted.wait(handle));
    expect(done).toMatchObject({ id: 'video_0000', backend: 'azure-sora1', status: 'completed' });
    expect((await clock.run(restarted.get(handle))).id).toBe('video_0000');
    const download = await clock.run(restarted.download(handle));
    expect(download.contentType).toBe('video/mp4');
  });

  it('refuses a handle or a job of another backend before any request', async () => {
    const { clock, provider, client } = setupClient({ backend: 'azure-sora1' });
    const foreign = 'sora-kit:v1:openai-sora2:video_0000';
    for (const call of [
      () => client.get(foreign),
      () => client.wait(foreign),
      () => client.download(foreign),
      () => client.delete(foreign),
      () => client.get({ backend: 'azure-sora2', id: 'video_0000' }),
    ]) {
      const error = await clock.run(
        call().then(
          () => undefined,
          (caught: unknown) => caught,
        ),
      );
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).field).toBe('handle');
      expect((error as Error).message).toMatch(
        /belongs to (openai|azure)-sora2, but this client serves azure-sora1/,
      );
    }
    expect(provider.calls).toMatchObject({ get: 0, download: 0, delete: 0 });
  });

  it('refuses a handle of another scope of the same backend', async () => {
    const { clock } = setupClient();
    const provider = new FakeVideoProvider({ clock });
    const east = new VideoClient(provider, { clock, delay: clock.delay, scope: 'east' });
    const west = new VideoClient(provider, { clock, delay: clock.delay, scope: 'west' });
    const job = await clock.run(east.create({ prompt: 'x' }));
    const handle = east.toHandle(job);
    expect(east.fromHandle(handle)).toEqual({ backend: 'openai-sora2', id: job.id, scope: 'east' });
    expect(() => west.fromHandle(handle)).toThrow(/scope "east", but this client's scope is "west"/);
  });

  it('refuses a malformed handle', () => {
    const { client } = setupClient();
    expect(() => client.fromHandle('sora-kit:v1:nowhere:video_1')).toThrow(
      /the job belongs to nowhere, but this client serves openai-sora2/,
    );
    expect(() => client.fromHandle('sora-kit:v1::video_1')).toThrow(/names no backend/);
  });
});
