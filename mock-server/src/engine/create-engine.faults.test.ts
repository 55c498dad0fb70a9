import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import { InvalidConfigError, ModelRetiredError } from './errors.js';

const timing = {
  queuedMs: 1000,
  preprocessingMs: 500,
  runningBaseMs: 2000,
  runningMsPerMegapixelSecond: 0,
  processingMs: 500,
};
const input = (kind: 'sora1' | 'sora2', prompt: string, partition = 'key-a'): CreateJobInput => ({
  partition,
  kind,
  prompt,
  model: kind === 'sora1' ? 'my-sora' : 'sora-2',
  width: 480,
  height: 480,
  seconds: 4,
});

function setup() {
  const clock = createManualClock();
  return { clock, engine: createEngine({ clock, timing, quota: 'none', seed: 1 }) };
}

describe('faults: fail at a progress', () => {
  it('fails a matching job at the given progress with the given code and message', () => {
    const { clock, engine } = setup();
    engine.faults.addFailure({
      progress: 30,
      code: 'server_error',
      message: 'GPU on fire',
      match: { promptIncludes: 'STORM' },
    });
    const calm = engine.createJob(input('sora2', 'a calm sea'));
    const storm = engine.createJob(input('sora2', 'a storm at sea'));
    clock.advance(1000 + 599);
    expect(engine.getJob('key-a', storm.job.id)).toMatchObject({ phase: 'running', progress: 29 });
    clock.advance(1);
    expect(engine.getJob('key-a', storm.job.id)).toMatchObject({
      phase: 'failed',
      progress: 30,
      failure: { code: 'server_error', message: 'GPU on fire' },
    });
    clock.advance(5000);
    expect(engine.getJob('key-a', calm.job.id).phase).toBe('succeeded');
  });

  it('defaults to internal_error and honours times, model, kind and partition matches', () => {
    const { engine } = setup();
    engine.faults.addFailure({ progress: 0, times: 1, match: { kind: 'sora1', partition: 'key-b' } });
    expect(engine.createJob(input('sora1', 'x', 'key-a')).job.plan.outcome.type).toBe('succeed');
    expect(engine.createJob(input('sora2', 'x', 'key-b')).job.plan.outcome.type).toBe('succeed');
    expect(engine.createJob(input('sora1', 'x', 'key-b')).job.plan.outcome).toEqual({
      type: 'fail',
      atProgress: 0,
      failure: {
        code: 'internal_error',
        message: 'The video generation failed due to an internal error.',
        type: 'server_error',
        param: null,
      },
    });
    expect(engine.createJob(input('sora1', 'x', 'key-b')).job.plan.outcome.type).toBe('succeed');
    expect(engine.faults.get().failures[0]?.times).toBe(0);
    engine.faults.addFailure({ progress: 100, match: { model: 'sora-2' } });
    expect(engine.createJob(input('sora2', 'x')).job.plan.outcome.type).toBe('fail');
    expect(engine.createJob(input('sora1', 'x')).job.plan.outcome.type).toBe('succeed');
  });

  it('refuses bad rules', () => {
    const { engine } = setup();
    expect(() => engine.faults.addFailure({ progress: 101 })).toThrow(InvalidConfigError);
    expect(() => engine.faults.set({ failures: [{ progress: Number.NaN }] })).toThrow(InvalidConfigError);
    expect(() => engine.faults.addFailure({ progress: 1, times: -1 })).toThrow(InvalidConfigError);
  });
});

describe('faults: moderation', () => {
  it('fails Sora 1 with input_moderation as preprocessing ends', () => {
    const { clock, engine } = setup();
    engine.faults.setModerationWords(['Violence']);
    const { job } = engine.createJob(input('sora1', 'a scene of violence.'));
    clock.advance(1499);
    expect(engine.getJob('key-a', job.id).phase).toBe('preprocessing');
    clock.advance(1);
    expect(engine.getJob('key-a', job.id)).toMatchObject({
      phase: 'failed',
      progress: 0,
      failure: { code: 'input_moderation' },
    });
  });

  it('fails Sora 2 with moderation_blocked as it leaves the queue; whole words only', () => {
    const { clock, engine } = setup();
    engine.faults.set({ moderationWords: ['gore'] });
    const blocked = engine.createJob(input('sora2', 'GORE everywhere'));
    const fine = engine.createJob(input('sora2', 'a gorge in the mountains'));
    clock.advance(1000);
    expect(engine.getJob('key-a', blocked.job.id)).toMatchObject({
      phase: 'failed',
      failure: { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' },
    });
    expect(engine.getJob('key-a', fine.job.id).phase).toBe('running');
  });
});

describe('faults: retired models', () => {
  it('answers every call about a retired model with its status', () => {
    const { clock, engine } = setup();
    const existing = engine.createJob(input('sora2', 'x'));
    clock.advance(3000);
    engine.faults.retireModel('sora-2', { status: 410 });
    expect(() => engine.createJob(input('sora2', 'y'))).toThrow(ModelRetiredError);
    expect(() => engine.getJob('key-a', existing.job.id)).toThrow(
      expect.objectContaining({ status: 410, model: 'sora-2' }),
    );
    expect(() => engine.deleteJob('key-a', existing.job.id)).toThrow(ModelRetiredError);
    expect(() => engine.remixJob({ partition: 'key-a', sourceId: existing.job.id, prompt: 'z' })).toThrow(
      ModelRetiredError,
    );
    expect(engine.createJob(input('sora1', 'y')).phase).toBe('queued');
    expect(engine.faults.retirement('sora-2')).toEqual({ model: 'sora-2', status: 410 });
    engine.faults.restoreModel('sora-2');
    expect(engine.getJob('key-a', existing.job.id).phase).toBe('succeeded');
  });

  it('defaults to 404 and can start retired', () => {
    const engine = createEngine({
      clock: createManualClock(),
      faults: { retiredModels: [{ model: 'old', status: 404 }] },
    });
    expect(() => engine.createJob({ ...input('sora2', 'x'), model: 'old' })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    engine.faults.retireModel('other');
    expect(engine.faults.retirement('other')?.status).toBe(404);
    engine.faults.clear();
    engine.reset();
    expect(engine.faults.retirement('old')?.status).toBe(404);
  });
});
