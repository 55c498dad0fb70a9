/**
 * Edits, extensions and characters in the engine: lineage kept on the record, the source rules,
 * the extension limits it is handed, and characters per credential that never expire.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import {
  CharacterNotFoundError,
  InvalidJobInputError,
  InvalidStateError,
  JobNotFoundError,
} from './errors.js';

const timing = { queuedMs: 1000, runningBaseMs: 2000, runningMsPerMegapixelSecond: 0 };
const LIMITS = { maxExtensions: 6, maxTotalSeconds: 120 };
const clip = { width: 720, height: 1280, seconds: 3, mediaType: 'video/mp4', byteLength: 2048 };

function setup() {
  const clock = createManualClock();
  const engine = createEngine({ clock, seed: 'lineage', timing, quota: 'none' });
  const finish = (id: string, partition = 'key-a') => {
    const view = engine.getJob(partition, id);
    clock.advance(Math.max(0, view.settlesAt - clock.now()));
    return engine.getJob(partition, id);
  };
  return { clock, engine, finish };
}

const video = (partition = 'key-a', seconds = 8): CreateJobInput => ({
  partition,
  kind: 'sora2',
  prompt: 'a red balloon over a lake',
  model: 'sora-2-pro',
  width: 1280,
  height: 720,
  seconds,
  metadata: { size: '1280x720' },
});

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('editJob', () => {
  it('makes a new video with the source size, seconds and model, naming its source', () => {
    const { engine, finish } = setup();
    const source = engine.createJob(video()).job;
    finish(source.id);
    const edit = engine.editJob({
      partition: 'key-a',
      prompt: 'make it night',
      source: { id: source.id },
    }).job;
    expect(edit).toMatchObject({
      width: 1280,
      height: 720,
      seconds: 8,
      model: 'sora-2-pro',
      prompt: 'make it night',
      editedFromId: source.id,
      metadata: { size: '1280x720' },
    });
    expect(edit.id).not.toBe(source.id);
    expect(edit.remixedFromId).toBeUndefined();
  });

  it('edits an upload at its own size and length, keeping it as an input', () => {
    const { engine } = setup();
    const input = { kind: 'video' as const, mediaType: 'video/mp4', bytes: new Uint8Array([1, 2]) };
    const edit = engine.editJob({
      partition: 'key-a',
      prompt: 'add snow',
      source: { upload: { width: 720, height: 1280, seconds: 4, input }, model: 'sora-2' },
    }).job;
    expect([edit.width, edit.height, edit.seconds, edit.model, edit.inputs]).toEqual([
      720,
      1280,
      4,
      'sora-2',
      [input],
    ]);
    expect(edit.editedFromId).toBeUndefined();
  });

  it('refuses an unfinished source, a source of another partition and a Sora 1 job', () => {
    const { engine } = setup();
    const running = engine.createJob(video()).job;
    const unfinished = caught(() =>
      engine.editJob({ partition: 'key-a', prompt: 'x', source: { id: running.id } }),
    );
    expect(unfinished).toBeInstanceOf(InvalidStateError);
    expect((unfinished as InvalidStateError).message).toBe(
      `Video '${running.id}' is queued; only completed videos can be edited.`,
    );
    expect(
      caught(() => engine.editJob({ partition: 'key-b', prompt: 'x', source: { id: running.id } })),
    ).toBeInstanceOf(JobNotFoundError);
  });
});

describe('extendJob', () => {
  it('stitches the total, keeps every part and counts the extensions of the chain', () => {
    const { engine, finish } = setup();
    const source = engine.createJob(video('key-a', 8)).job;
    finish(source.id);
    const first = engine.extendJob({
      partition: 'key-a',
      source: { id: source.id },
      prompt: 'it rises',
      seconds: 12,
      limits: LIMITS,
    }).job;
    expect([first.seconds, first.extendedFromId, first.extensionCount]).toEqual([20, source.id, 1]);
    expect(first.segments).toEqual([
      { seconds: 8, prompt: 'a red balloon over a lake', seed: source.id },
      { seconds: 12, prompt: 'it rises' },
    ]);
    finish(first.id);
    const second = engine.extendJob({
      partition: 'key-a',
      source: { id: first.id },
      prompt: 'it pops',
      seconds: 4,
      limits: LIMITS,
    }).job;
    expect([second.seconds, second.extensionCount]).toEqual([24, 2]);
    expect(second.segments).toEqual([
      { seconds: 8, prompt: 'a red balloon over a lake', seed: source.id },
      { seconds: 12, prompt: 'it rises', seed: first.id },
      { seconds: 4, prompt: 'it pops' },
    ]);
  });

  it('refuses a seventh extension and a total over the limit, naming seconds', () => {
    const { engine, finish } = setup();
    let id = engine.createJob(video('key-a', 4)).job.id;
    finish(id);
    for (let i = 0; i < 6; i++) {
      id = engine.extendJob({
        partition: 'key-a',
        source: { id },
        prompt: `part ${i}`,
        seconds: 4,
        limits: LIMITS,
      }).job.id;
      finish(id);
    }
    const seventh = caught(() =>
      engine.extendJob({ partition: 'key-a', source: { id }, prompt: 'again', seconds: 4, limits: LIMITS }),
    );
    expect(seventh).toBeInstanceOf(InvalidJobInputError);
    expect((seventh as InvalidJobInputError).field).toBe('seconds');
    expect((seventh as Error).message).toContain('extended 6 times');

    const long = engine.createJob(video('key-a', 12)).job.id;
    finish(long);
    let chain = long;
    for (const seconds of [20, 20, 20, 20, 20]) {
      chain = engine.extendJob({
        partition: 'key-a',
        source: { id: chain },
        prompt: 'more',
        seconds,
        limits: LIMITS,
      }).job.id;
      finish(chain);
    }
    expect(engine.getJob('key-a', chain).job.seconds).toBe(112);
    const over = caught(() =>
      engine.extendJob({
        partition: 'key-a',
        source: { id: chain },
        prompt: 'more',
        seconds: 12,
        limits: LIMITS,
      }),
    );
    expect([(over as InvalidJobInputError).field, (over as Error).message]).toEqual([
      'seconds',
      `Invalid 'seconds': extending video '${chain}' (112 s) by 12 s would make 124 s; a video can last at most 120 s.`,
    ]);
    expect(
      engine.extendJob({
        partition: 'key-a',
        source: { id: chain },
        prompt: 'last',
        seconds: 8,
        limits: LIMITS,
      }).job.seconds,
    ).toBe(120);
  });
});

describe('derived jobs of an upload keep the base model of an Azure deployment (timing factor)', () => {
  // A custom deployment name runs on sora-2-pro: its running phase is stretched by the pro factor.
  const factorTiming = { ...timing, modelFactors: { 'sora-2-pro': 3 } };
  const upload = {
    upload: {
      width: 1280,
      height: 720,
      seconds: 4,
      input: { kind: 'video' as const, mediaType: 'video/mp4', bytes: new Uint8Array([1]) },
    },
  };
  const runningMs = (view: { job: { plan: { runningMs: number } } }) => view.job.plan.runningMs;

  it.each(['edit', 'extend'] as const)('%s of an uploaded video', (operation) => {
    const engine = createEngine({
      clock: createManualClock(),
      seed: 'factor',
      timing: factorTiming,
      quota: 'none',
    });
    const start = (source: typeof upload & { model: string; baseModel?: string }) =>
      operation === 'edit'
        ? engine.editJob({ partition: 'key-a', prompt: 'p', source })
        : engine.extendJob({ partition: 'key-a', prompt: 'p', seconds: 4, source, limits: LIMITS });
    const plain = start({ ...upload, model: 'sora-2' });
    const pro = start({ ...upload, model: 'my-pro-deployment', baseModel: 'sora-2-pro' });
    expect(pro.job.model).toBe('my-pro-deployment');
    expect(pro.job.baseModel).toBe('sora-2-pro');
    expect(runningMs(pro)).toBe(3 * runningMs(plain));
  });
});

describe('characters', () => {
  it('belong to their partition, never expire, and are placed by id (unknown ids name characters)', () => {
    const { clock, engine, finish } = setup();
    const mossy = engine.characters.create({ partition: 'key-a', name: 'Mossy', clip });
    expect(mossy.id).toMatch(/^char_[0-9a-f]{32}$/);
    expect(caught(() => engine.characters.get('key-b', mossy.id))).toBeInstanceOf(CharacterNotFoundError);
    clock.advance(400 * 86_400_000);
    expect(engine.characters.get('key-a', mossy.id)).toEqual(mossy);
    const placed = engine.createJob({ ...video(), characters: [mossy.id] }).job;
    expect(placed.characters).toEqual([{ id: mossy.id, name: 'Mossy' }]);
    finish(placed.id);
    const unknown = caught(() => engine.createJob({ ...video('key-b'), characters: [mossy.id] }));
    expect([(unknown as InvalidJobInputError).field, (unknown as Error).message]).toEqual([
      'characters',
      `Invalid 'characters': no character with id '${mossy.id}'.`,
    ]);
    expect(engine.snapshot().characters).toEqual([mossy]);
    engine.reset();
    expect(engine.snapshot().characters).toEqual([]);
  });

  it('draws the same ids from the same seed without shifting video ids', () => {
    const a = setup();
    const b = setup();
    a.engine.characters.create({ partition: 'key-a', name: 'A', clip });
    expect(a.engine.createJob(video()).job.id).toBe(b.engine.createJob(video()).job.id);
    expect(b.engine.characters.create({ partition: 'key-a', name: 'B', clip }).id).toBe(
      a.engine.snapshot().characters[0]?.id,
    );
  });
});
