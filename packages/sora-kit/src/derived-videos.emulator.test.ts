/**
 * VideoClient.edit / extend / createCharacter / getCharacter over the sora2 provider (the real
 * openai SDK) against the emulator over HTTP; every limit refused before anything is sent; the
 * retired service read as ServiceRetiredError and skipped by the router.
 */
import {
  ServiceRetiredError,
  UnsupportedCapabilityError,
  ValidationError,
  type VideoClient,
} from '@sora-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorClient } from './test-support/emulator-clients.js';
import { type EmulatorDriver, startEmulatorDriver } from './test-support/emulator-driver.js';
import { createVideoRouter } from './video-router.js';

let driver: EmulatorDriver;
beforeEach(async () => {
  driver = await startEmulatorDriver();
});
afterEach(async () => {
  await driver.close();
});

/** The error `promise` rejects with. */
async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Runs `call` and returns its error plus how many requests it sent. */
async function refusedBeforeSending(call: () => Promise<unknown>): Promise<{ error: unknown; sent: number }> {
  const before = driver.requests.length;
  const error = await caught(driver.run(call()));
  return { error, sent: driver.requests.length - before };
}

/** An MP4 clip: a finished video of the emulator, downloaded. */
async function clip(client: VideoClient): Promise<Uint8Array> {
  const job = await driver.run(client.generate({ prompt: 'a mossy troll' }));
  const download = await driver.run(client.download(job));
  return new Uint8Array(await new Response(download.stream).arrayBuffer());
}

describe('VideoClient edit / extend / characters on openai-sora2', () => {
  it('edits and extends through the gate; the extension lasts the stitched total', async () => {
    const client = emulatorClient(driver, 'openai-sora2');
    const source = await driver.run(
      client.generate({ prompt: 'a red balloon', size: '1280x720', seconds: 8 }),
    );
    const edit = await driver.run(client.edit(source, { prompt: 'the balloon at night' }));
    expect([edit.width, edit.height, edit.seconds, edit.prompt]).toEqual([
      1280,
      720,
      8,
      'the balloon at night',
    ]);
    expect(client.gate.holds(edit.id)).toBe(true);
    const edited = await driver.run(client.wait(edit));
    expect(edited.status).toBe('completed');
    const extension = await driver.run(client.extend(source.id, { prompt: 'it rises', seconds: 12 }));
    expect(extension.seconds).toBe(20);
    const done = await driver.run(client.wait(extension));
    expect(done.outputs[0]).toMatchObject({ width: 1280, height: 720, seconds: 20 });
  });

  it('creates and reads characters, then places one on create', async () => {
    const client = emulatorClient(driver, 'openai-sora2');
    const character = await driver.run(client.createCharacter({ name: 'Mossy', video: await clip(client) }));
    expect(character).toMatchObject({ name: 'Mossy', backend: 'openai-sora2' });
    expect(character.id).toMatch(/^char_/);
    const read = await driver.run(client.getCharacter(character.id));
    expect([read.id, read.name, read.createdAt.getTime()]).toEqual([
      character.id,
      'Mossy',
      character.createdAt.getTime(),
    ]);
    const placed = await driver.run(client.generate({ prompt: 'Mossy waves', characters: [character.id] }));
    expect(placed.status).toBe('completed');
  });

  it('refuses every limit before sending, naming the field', async () => {
    const client = emulatorClient(driver, 'openai-sora2');
    const source = await driver.run(client.generate({ prompt: 'a red balloon', seconds: 12 }));
    const cases: [() => Promise<unknown>, string][] = [
      [() => client.edit(source, { prompt: '' }), 'prompt.length'],
      [() => client.extend(source, { prompt: 'x', seconds: 24 }), 'seconds'],
      [() => client.createCharacter({ name: '', video: new Uint8Array(8) }), 'name.length'],
      [() => client.createCharacter({ name: 'x'.repeat(81), video: new Uint8Array(8) }), 'name.length'],
      [
        () => client.createCharacter({ name: 'x', video: new Blob(['x'], { type: 'image/png' }) }),
        'video.mediaType',
      ],
      [() => client.create({ prompt: 'x', characters: ['char_1', 'char_2', 'char_3'] }), 'characters'],
      [() => client.create({ prompt: 'x', model: 'sora-2', seconds: 20 }), 'seconds'],
      [() => client.create({ prompt: 'x', model: 'sora-2', size: '1920x1080' }), 'size'],
    ];
    for (const [call, field] of cases) {
      const { error, sent } = await refusedBeforeSending(call);
      expect(ValidationError.isInstance(error), field).toBe(true);
      expect([(error as ValidationError).field, sent]).toEqual([field, 0]);
    }
    // sora-2-pro takes the guide's 20 s and 1080p.
    const pro = await driver.run(
      client.create({ prompt: 'x', model: 'sora-2-pro', seconds: 20, size: '1920x1080' }),
    );
    expect([pro.seconds, pro.width, pro.height]).toEqual([20, 1920, 1080]);

    // The total: 12 + 5 x 20 = 112 s; 12 more would be 124 > 120, refused after reading the source only.
    let chain = source;
    for (let i = 0; i < 5; i++)
      chain = await driver.run(
        client.wait(await driver.run(client.extend(chain, { prompt: 'on', seconds: 20 }))),
      );
    expect(chain.seconds).toBe(112);
    const over = await refusedBeforeSending(() => client.extend(chain.id, { prompt: 'x', seconds: 12 }));
    expect([(over.error as ValidationError).field, over.sent]).toEqual(['seconds', 1]);
    expect(driver.requests.at(-1)?.method).toBe('GET');
    chain = await driver.run(
      client.wait(await driver.run(client.extend(chain, { prompt: 'last', seconds: 8 }))),
    );
    const seventh = await refusedBeforeSending(() => client.extend(chain, { prompt: 'x', seconds: 4 }));
    expect([(seventh.error as ValidationError).field, seventh.sent]).toEqual(['seconds', 0]);
    expect((seventh.error as Error).message).toContain('has been extended 6 times');

    const unfinished = await driver.run(client.create({ prompt: 'still running' }));
    const running = await refusedBeforeSending(() =>
      client.extend(unfinished.id, { prompt: 'x', seconds: 4 }),
    );
    expect((running.error as ValidationError).field).toBe('video');
  });
});

describe.each(['azure-sora2', 'azure-sora1'] as const)(
  '%s refuses edits, extensions and characters before sending',
  (backend) => {
    it('names the backend and the capability', async () => {
      const client: VideoClient = emulatorClient(driver, backend);
      for (const [call, capability] of [
        [() => client.edit('video_1', { prompt: 'x' }), 'edit'],
        [() => client.extend('video_1', { prompt: 'x', seconds: 4 }), 'extend'],
        [() => client.createCharacter({ name: 'x', video: new Uint8Array(8) }), 'characters'],
        [() => client.getCharacter('char_1'), 'characters'],
        [() => client.create({ prompt: 'x', characters: ['char_1'] }), 'characters'],
      ] as const) {
        const { error, sent } = await refusedBeforeSending(call);
        expect(UnsupportedCapabilityError.isInstance(error)).toBe(true);
        expect([
          (error as UnsupportedCapabilityError).backend,
          (error as UnsupportedCapabilityError).capability,
          sent,
        ]).toEqual([backend, capability, 0]);
      }
    });
  },
);

describe('a retired service', () => {
  it('is a ServiceRetiredError, never retried, and the router moves on to the next backend', async () => {
    driver.emulator.control.faults.retireService('openai-sora2');
    const openai = emulatorClient(driver, 'openai-sora2');
    const before = driver.requests.length;
    const error = await caught(driver.run(openai.create({ prompt: 'a red balloon' })));
    expect(ServiceRetiredError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ backend: 'openai-sora2', status: 404, isRetryable: false });
    expect((error as Error).message).toBe(
      'The Sora 2 models and Videos API were shut down on September 24, 2026 and are no longer available.',
    );
    expect(driver.requests.length - before).toBe(1);

    const router = createVideoRouter([openai, emulatorClient(driver, 'azure-sora2')]);
    const job = await driver.run(router.create({ prompt: 'a red balloon' }));
    expect(job.backend).toBe('azure-sora2');
    const sent = driver.requests.length;
    const next = await driver.run(router.create({ prompt: 'another balloon' }));
    expect(next.backend).toBe('azure-sora2');
    expect(driver.requests.slice(sent).map((r) => r.path)).toEqual(['/openai/v1/videos']);
    expect(router.retired()).toEqual(['openai-sora2']);
  });
});
