import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { TEST_TIMING } from '../test-support/engine-fixtures.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import { JobNotFoundError, QuotaExceededError } from './errors.js';

const DAY = 86_400_000;
const timing = TEST_TIMING;
const video = (partition = 'key-a'): CreateJobInput => ({
  partition,
  kind: 'sora2',
  prompt: 'a calm lake',
  model: 'sora-2',
  width: 1280,
  height: 720,
  seconds: 4,
});

function setup(quota?: string, retentionHours?: number) {
  const clock = createManualClock();
  const engine = createEngine({
    clock,
    timing,
    ...(quota === undefined ? {} : { quota }),
    ...(retentionHours === undefined ? {} : { retentionHours }),
  });
  return { clock, engine };
}

function refusal(fn: () => unknown): QuotaExceededError {
  try {
    fn();
  } catch (error) {
    if (error instanceof QuotaExceededError) return error;
    throw error;
  }
  throw new Error('expected a QuotaExceededError');
}

describe('concurrent quota (default concurrent:2)', () => {
  it('refuses the third unfinished job with the time until the earliest slot frees', () => {
    const { clock, engine } = setup();
    engine.createJob(video());
    clock.advance(500);
    engine.createJob(video());
    clock.advance(100);
    const error = refusal(() => engine.createJob(video()));
    expect(error).toMatchObject({ mode: 'concurrent', limit: 2, retryAfterMs: 2400, code: 'quota_exceeded' });
    expect(error.message).toContain('Too many running tasks');
    clock.advance(2399);
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    clock.advance(1);
    expect(engine.createJob(video()).phase).toBe('queued');
  });

  it('keeps partitions and API families apart', () => {
    const { engine } = setup();
    engine.createJob(video('key-a'));
    engine.createJob(video('key-a'));
    expect(engine.createJob(video('key-b')).phase).toBe('queued');
    expect(
      engine.createJob({ ...video('key-a'), kind: 'sora1', width: 480, height: 480, variants: 1 }).phase,
    ).toBe('queued');
    expect(() => engine.createJob(video('key-a'))).toThrow(QuotaExceededError);
  });

  it('frees a slot on failure, cancellation and Sora 1 delete', () => {
    const { clock, engine } = setup();
    engine.faults.addFailure({ progress: 0, times: 1 });
    engine.createJob(video());
    const other = engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    clock.advance(1000);
    const third = engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    engine.cancelJob('key-a', other.job.id);
    const fourth = engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    expect(third.phase).toBe('queued');
    expect(fourth.phase).toBe('queued');

    const sora1 = { ...video('key-s1'), kind: 'sora1' as const, width: 480, height: 480 };
    const task = engine.createJob(sora1);
    engine.createJob(sora1);
    expect(() => engine.createJob(sora1)).toThrow(QuotaExceededError);
    expect(engine.deleteJob('key-s1', task.job.id).outcome).toBe('cancelled');
    expect(engine.createJob(sora1).phase).toBe('queued');
  });

  it('does not count completed, deleted or expired jobs', () => {
    const { clock, engine } = setup('concurrent:1', 1);
    const { job } = engine.createJob(video());
    clock.advance(3000);
    const second = engine.createJob(video());
    clock.advance(3000);
    engine.deleteJob('key-a', job.id);
    engine.deleteJob('key-a', second.job.id);
    engine.createJob(video());
    clock.advance(DAY);
    expect(engine.createJob(video()).phase).toBe('queued');
  });

  it('frees the slot of a job that expires unfinished (created_at basis)', () => {
    const { clock, engine } = setup('concurrent:1', 0.0002);
    const { job } = engine.createJob({ ...video(), expiryBasis: 'createdAt' });
    clock.advance(700);
    expect(refusal(() => engine.createJob(video())).retryAfterMs).toBe(20);
    clock.advance(20);
    expect(() => engine.getJob('key-a', job.id)).toThrow(JobNotFoundError);
    expect(engine.createJob(video()).phase).toBe('queued');
  });
});

describe('rate quota (rate:2/min)', () => {
  it('counts creates in a sliding 60 s window, edges included', () => {
    const { clock, engine } = setup('rate:2/min');
    const t0 = clock.now();
    engine.createJob(video());
    clock.set(t0 + 10_000);
    engine.createJob(video());
    clock.set(t0 + 59_999);
    expect(refusal(() => engine.createJob(video()))).toMatchObject({
      mode: 'rate',
      limit: 2,
      retryAfterMs: 1,
    });
    clock.set(t0 + 60_000);
    engine.createJob(video());
    expect(refusal(() => engine.createJob(video())).retryAfterMs).toBe(10_000);
    clock.set(t0 + 70_000);
    expect(engine.createJob(video()).phase).toBe('queued');
  });

  it('still counts requests whose jobs were deleted, and ignores refused ones', () => {
    const { clock, engine } = setup('rate:2/min');
    const t0 = clock.now();
    const a = engine.createJob(video());
    clock.advance(3000);
    engine.deleteJob('key-a', a.job.id);
    engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    clock.set(t0 + 60_000);
    engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
  });

  it('can be switched at runtime', () => {
    const { engine } = setup('rate:1/min');
    engine.createJob(video());
    expect(() => engine.createJob(video())).toThrow(QuotaExceededError);
    engine.configure({ quota: { mode: 'none' } });
    expect(engine.createJob(video()).phase).toBe('queued');
  });
});
