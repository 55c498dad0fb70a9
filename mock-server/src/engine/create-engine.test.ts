import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { TEST_TIMING } from '../test-support/engine-fixtures.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import { InvalidJobInputError, InvalidStateError, JobNotFoundError } from './errors.js';

const DAY = 86_400_000;
const timing = TEST_TIMING;

function setup() {
  const clock = createManualClock();
  const engine = createEngine({ clock, seed: 'test', timing, quota: 'none' });
  return { clock, engine };
}

const sora2 = (partition = 'key-a', prompt = 'a red balloon'): CreateJobInput => ({
  partition,
  kind: 'sora2',
  prompt,
  model: 'sora-2',
  width: 1280,
  height: 720,
  seconds: 4,
});
const sora1 = (partition = 'key-a', variants = 2): CreateJobInput => ({
  partition,
  kind: 'sora1',
  prompt: 'a rocket landing on mars',
  model: 'my-sora',
  width: 480,
  height: 480,
  seconds: 5,
  variants,
});

describe('createEngine: lifecycle', () => {
  it('creates a queued job and derives its state from the clock', () => {
    const { clock, engine } = setup();
    const created = engine.createJob(sora2());
    expect(created).toMatchObject({
      phase: 'queued',
      progress: 0,
      finishedAt: null,
      settlesAt: clock.now() + 3000,
    });
    expect(created.job.id).toMatch(/^video_[0-9a-f]{32}$/);
    clock.advance(2000);
    expect(engine.getJob('key-a', created.job.id)).toMatchObject({ phase: 'running', progress: 50 });
    clock.advance(1000);
    expect(engine.getJob('key-a', created.job.id)).toMatchObject({ phase: 'succeeded', progress: 100 });
  });

  it('gives Sora 1 jobs task and generation ids, with generations only once succeeded', () => {
    const { clock, engine } = setup();
    const created = engine.createJob(sora1());
    expect(created.job.id).toMatch(/^task_[0-9a-z]{26}$/);
    expect(created.job.generationIds).toHaveLength(2);
    expect(created.generations).toEqual([]);
    const [gen0] = created.job.generationIds;
    expect(() => engine.getGeneration('key-a', gen0 ?? '')).toThrow(JobNotFoundError);
    clock.advance(4000);
    const { job, generation } = engine.getGeneration('key-a', gen0 ?? '');
    expect(job.phase).toBe('succeeded');
    expect(generation).toEqual({ id: gen0, index: 0, createdAt: created.job.createdAt + 3500 });
    expect(() => engine.getGeneration('key-b', gen0 ?? '')).toThrow(JobNotFoundError);
  });

  it('isolates partitions', () => {
    const { engine } = setup();
    const a = engine.createJob(sora2('key-a'));
    expect(() => engine.getJob('key-b', a.job.id)).toThrow(JobNotFoundError);
    expect(engine.listJobs('key-b').data).toEqual([]);
    expect(engine.listJobs('key-a').data.map((v) => v.job.id)).toEqual([a.job.id]);
  });

  it('refuses nonsense input with a typed error', () => {
    const { engine } = setup();
    expect(() => engine.createJob({ ...sora2(), width: 0 })).toThrow(InvalidJobInputError);
    expect(() => engine.createJob({ ...sora2(), variants: 2 })).toThrow(InvalidJobInputError);
    expect(() => engine.createJob({ ...sora2(), partition: '' })).toThrow(InvalidJobInputError);
  });

  it('answers 404 after expiry, for the job and its generations', () => {
    const { clock, engine } = setup();
    const job = engine.createJob(sora1());
    clock.advance(4000 + DAY - 1);
    expect(engine.getJob('key-a', job.job.id).expiresAt).toBe(job.job.createdAt + 4000 + DAY);
    clock.advance(1);
    expect(() => engine.getJob('key-a', job.job.id)).toThrow(expect.objectContaining({ reason: 'expired' }));
    expect(() => engine.getGeneration('key-a', job.job.generationIds[0] ?? '')).toThrow(JobNotFoundError);
    expect(engine.listJobs('key-a').data).toEqual([]);
  });
});

describe('createEngine: delete and cancel', () => {
  it('refuses to delete an unfinished Sora 2 video (ruling 13) and deletes a settled one', () => {
    const { clock, engine } = setup();
    const { job } = engine.createJob(sora2());
    expect(() => engine.deleteJob('key-a', job.id)).toThrow(InvalidStateError);
    clock.advance(3000);
    expect(engine.deleteJob('key-a', job.id)).toEqual({ outcome: 'deleted', id: job.id });
    expect(() => engine.getJob('key-a', job.id)).toThrow(expect.objectContaining({ reason: 'deleted' }));
    expect(() => engine.deleteJob('key-a', job.id)).toThrow(JobNotFoundError);
  });

  it('cancels an unfinished Sora 1 job on delete, and deletes it on a second delete', () => {
    const { clock, engine } = setup();
    const { job } = engine.createJob(sora1());
    clock.advance(1200);
    const result = engine.deleteJob('key-a', job.id);
    expect(result).toMatchObject({
      outcome: 'cancelled',
      job: { phase: 'cancelled', finishedAt: job.createdAt + 1200 },
    });
    clock.advance(10_000);
    expect(engine.getJob('key-a', job.id).phase).toBe('cancelled');
    expect(engine.deleteJob('key-a', job.id).outcome).toBe('deleted');
  });

  it('cancels any unfinished job but not a settled one', () => {
    const { clock, engine } = setup();
    const { job } = engine.createJob(sora2());
    clock.advance(2000);
    expect(engine.cancelJob('key-a', job.id)).toMatchObject({ phase: 'cancelled', progress: 50 });
    expect(() => engine.cancelJob('key-a', job.id)).toThrow(InvalidStateError);
  });
});

describe('createEngine: remix', () => {
  it('remixes a completed Sora 2 video into a new queued one', () => {
    const { clock, engine } = setup();
    const source = engine.createJob({ ...sora2(), metadata: { size: '1280x720' } });
    clock.advance(3000);
    const remix = engine.remixJob({ partition: 'key-a', sourceId: source.job.id, prompt: 'now at night' });
    expect(remix).toMatchObject({
      phase: 'queued',
      job: { prompt: 'now at night', remixedFromId: source.job.id, model: 'sora-2', width: 1280, seconds: 4 },
    });
    expect(remix.job.metadata).toEqual({ size: '1280x720' });
    expect(remix.job.id).not.toBe(source.job.id);
  });

  it('refuses unfinished, failed, Sora 1, foreign and unknown sources', () => {
    const { clock, engine } = setup();
    const running = engine.createJob(sora2());
    expect(() => engine.remixJob({ partition: 'key-a', sourceId: running.job.id, prompt: 'x' })).toThrow(
      InvalidStateError,
    );
    const task = engine.createJob(sora1());
    clock.advance(5000);
    // A Sora 1 job is not a video: not found, as through the Sora 2 GET.
    expect(() => engine.remixJob({ partition: 'key-a', sourceId: task.job.id, prompt: 'x' })).toThrow(
      JobNotFoundError,
    );
    expect(() => engine.remixJob({ partition: 'key-b', sourceId: running.job.id, prompt: 'x' })).toThrow(
      JobNotFoundError,
    );
    expect(() => engine.remixJob({ partition: 'key-a', sourceId: 'video_nope', prompt: 'x' })).toThrow(
      JobNotFoundError,
    );
    engine.faults.addFailure({ progress: 10 });
    const failed = engine.createJob(sora2());
    clock.advance(5000);
    expect(() => engine.remixJob({ partition: 'key-a', sourceId: failed.job.id, prompt: 'x' })).toThrow(
      expect.objectContaining({ phase: 'failed', operation: 'remix' }),
    );
  });
});

describe('createEngine: each family sees only its own jobs', () => {
  it('getJob, cancelJob and deleteJob with a kind do not find the other family', () => {
    const { engine } = setup();
    const task = engine.createJob(sora1());
    const video = engine.createJob(sora2());
    for (const [id, other] of [
      [task.job.id, 'sora2'],
      [video.job.id, 'sora1'],
    ] as const) {
      expect(() => engine.getJob('key-a', id, other)).toThrow(JobNotFoundError);
      expect(() => engine.cancelJob('key-a', id, other)).toThrow(JobNotFoundError);
      expect(() => engine.deleteJob('key-a', id, other)).toThrow(JobNotFoundError);
    }
    expect(engine.getJob('key-a', task.job.id, 'sora1').phase).toBe('queued');
    expect(engine.getJob('key-a', video.job.id, 'sora2').phase).toBe('queued');
  });
});

describe('createEngine: settled events, snapshot, reset, configure', () => {
  it('reports succeeded and failed jobs in a half-open time window, not cancelled ones', () => {
    const { clock, engine } = setup();
    const t0 = clock.now();
    const ok = engine.createJob(sora2('key-a', 'fine'));
    engine.faults.addFailure({ progress: 50, code: 'internal_error', times: 1 });
    const bad = engine.createJob(sora2('key-b', 'doomed'));
    const cancelled = engine.createJob(sora2('key-c'));
    engine.cancelJob('key-c', cancelled.job.id);
    expect(engine.settledBetween(t0, t0 + 1999)).toEqual([]);
    const first = engine.settledBetween(t0, t0 + 2000);
    expect(first.map((e) => [e.job.id, e.phase, e.at])).toEqual([[bad.job.id, 'failed', t0 + 2000]]);
    expect(first[0]?.failure?.code).toBe('internal_error');
    expect(engine.settledBetween(t0 + 2000, t0 + 3000).map((e) => [e.job.id, e.phase])).toEqual([
      [ok.job.id, 'succeeded'],
    ]);
  });

  it('snapshots every partition and resets to the initial configuration', () => {
    const { clock, engine } = setup();
    const first = engine.createJob(sora2('key-a'));
    engine.createJob(sora1('key-b'));
    engine.faults.setModerationWords(['forbidden']);
    engine.configure({ quota: 'concurrent:1' });
    const snapshot = engine.snapshot();
    expect(snapshot.jobs.map((j) => j.record.partition)).toEqual(['key-a', 'key-b']);
    expect(snapshot).toMatchObject({
      now: clock.now(),
      clockMode: 'manual',
      faults: { moderationWords: ['forbidden'] },
    });
    engine.reset();
    expect(engine.snapshot().jobs).toEqual([]);
    expect(engine.faults.get().moderationWords).toEqual([]);
    expect(engine.settings().quota).toEqual({ mode: 'none' });
    expect(engine.createJob(sora2('key-a')).job.id).toBe(first.job.id);
  });

  it('applies timing changes to new jobs only and validates settings', () => {
    const { engine } = setup();
    const before = engine.createJob(sora2());
    engine.configure({ timing: { queuedMs: 5000 }, retentionHours: 1 });
    const after = engine.createJob(sora2());
    expect(after.settlesAt - after.job.createdAt).toBe(7000);
    expect(after.job.retentionMs).toBe(3_600_000);
    expect(engine.getJob('key-a', before.job.id).settlesAt - before.job.createdAt).toBe(3000);
    expect(() => engine.configure({ retentionHours: 0 })).toThrow();
    expect(() => engine.configure({ timing: { queuedMs: -1 } })).toThrow();
    expect(() => engine.configure({ quota: 'lots' })).toThrow();
  });
});
