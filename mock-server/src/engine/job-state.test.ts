import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJobRecord } from './build-job-record.js';
import type { CreateJobInput } from './engine.js';
import { createIdSource } from './id-source.js';
import type { JobFailure, JobRecord } from './job-record.js';
import { deriveJobState, type JobState } from './job-state.js';
import type { TimingConfig } from './job-timing.js';

const C = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const timing: TimingConfig = {
  queuedMs: 1000,
  preprocessingMs: 500,
  runningBaseMs: 2000,
  runningMsPerMegapixelSecond: 0,
  processingMs: 500,
};

function record(
  kind: 'sora1' | 'sora2',
  extra: Partial<CreateJobInput> = {},
  failure: { progress: number; failure: JobFailure } | null = null,
): JobRecord {
  return buildJobRecord(
    { partition: 'p', kind, prompt: 'x', model: 'm', width: 1280, height: 720, seconds: 4, ...extra },
    { now: C, sequence: 0, ids: createIdSource(), timing, retentionMs: DAY, failure },
  );
}

const summary = (state: JobState) =>
  state.kind === 'gone' ? `gone:${state.reason}` : `${state.phase}:${state.progress}`;

describe('deriveJobState: Sora 1 timeline boundaries', () => {
  const job = record('sora1');
  it.each([
    [0, 'queued:0'],
    [999, 'queued:0'],
    [1000, 'preprocessing:0'],
    [1499, 'preprocessing:0'],
    [1500, 'running:0'],
    [1519, 'running:0'],
    [1520, 'running:1'],
    [2500, 'running:50'],
    [3499, 'running:99'],
    [3500, 'processing:100'],
    [3999, 'processing:100'],
    [4000, 'succeeded:100'],
    [4000 + DAY - 1, 'succeeded:100'],
    [4000 + DAY, 'gone:expired'],
  ])('at created + %i ms it is %s', (offset, expected) => {
    expect(summary(deriveJobState(job, C + offset))).toBe(expected);
  });

  it('reports finishedAt and expiresAt only once settled (finished_at basis)', () => {
    const running = deriveJobState(job, C + 2000);
    expect(running).toMatchObject({ finishedAt: null, expiresAt: null, settlesAt: C + 4000 });
    const done = deriveJobState(job, C + 4000);
    expect(done).toMatchObject({
      finishedAt: C + 4000,
      expiresAt: C + 4000 + DAY,
      nextChangeAt: C + 4000 + DAY,
    });
  });

  it('gives the next change moment for poll hints', () => {
    expect(deriveJobState(job, C)).toMatchObject({ nextChangeAt: C + 1000 });
    expect(deriveJobState(job, C + 1000)).toMatchObject({ nextChangeAt: C + 1500 });
    expect(deriveJobState(job, C + 1500)).toMatchObject({ nextChangeAt: C + 1520 });
    expect(deriveJobState(job, C + 3490)).toMatchObject({ nextChangeAt: C + 3500 });
    expect(deriveJobState(job, C + 3500)).toMatchObject({ nextChangeAt: C + 4000 });
  });
});

describe('deriveJobState: Sora 2 skips preprocessing and processing', () => {
  const job = record('sora2');
  it.each([
    [999, 'queued:0'],
    [1000, 'running:0'],
    [2999, 'running:99'],
    [3000, 'succeeded:100'],
  ])('at created + %i ms it is %s', (offset, expected) => {
    expect(summary(deriveJobState(job, C + offset))).toBe(expected);
  });
  it('goes from queued straight to running', () => {
    expect(deriveJobState(job, C)).toMatchObject({ nextChangeAt: C + 1000 });
  });
});

describe('deriveJobState: expiry per ruling 12', () => {
  it('completed_at + 24 h (finishedAt basis)', () => {
    const job = record('sora2');
    expect(summary(deriveJobState(job, C + 3000 + DAY - 1))).toBe('succeeded:100');
    expect(deriveJobState(job, C + 3000 + DAY)).toEqual({
      kind: 'gone',
      reason: 'expired',
      since: C + 3000 + DAY,
    });
  });
  it('created_at + 24 h (Azure Sora 2), known from the start', () => {
    const job = record('sora2', { expiryBasis: 'createdAt' });
    expect(deriveJobState(job, C)).toMatchObject({ expiresAt: C + DAY, finishedAt: null });
    expect(summary(deriveJobState(job, C + DAY - 1))).toBe('succeeded:100');
    expect(summary(deriveJobState(job, C + DAY))).toBe('gone:expired');
  });
  it('finished_at + 24 h for a failed Sora 1 job', () => {
    const job = record('sora1', {}, { progress: 0, failure: { code: 'input_moderation', message: 'no' } });
    expect(summary(deriveJobState(job, C + 1500))).toBe('failed:0');
    expect(summary(deriveJobState(job, C + 1500 + DAY - 1))).toBe('failed:0');
    expect(summary(deriveJobState(job, C + 1500 + DAY))).toBe('gone:expired');
  });
});

describe('deriveJobState: failures, cancellation and deletion', () => {
  it('fails exactly when progress reaches the failure progress', () => {
    const failure = { code: 'internal_error', message: 'boom' };
    const job = record('sora2', {}, { progress: 40, failure });
    expect(summary(deriveJobState(job, C + 1799))).toBe('running:39');
    expect(deriveJobState(job, C + 1800)).toMatchObject({
      phase: 'failed',
      progress: 40,
      failure,
      finishedAt: C + 1800,
    });
  });

  it('moderation-style failure at 0 fails Sora 1 as preprocessing ends', () => {
    const job = record('sora1', {}, { progress: 0, failure: { code: 'input_moderation', message: 'no' } });
    expect(summary(deriveJobState(job, C + 1499))).toBe('preprocessing:0');
    expect(summary(deriveJobState(job, C + 1500))).toBe('failed:0');
  });

  it('a cancelled job keeps its progress and expires from the cancel time', () => {
    const job: JobRecord = { ...record('sora1'), cancelledAt: C + 2500 };
    expect(summary(deriveJobState(job, C + 2499))).toBe('running:49');
    expect(deriveJobState(job, C + 2500)).toMatchObject({
      phase: 'cancelled',
      progress: 50,
      finishedAt: C + 2500,
    });
    expect(summary(deriveJobState(job, C + 2500 + DAY))).toBe('gone:expired');
  });

  it('a deleted job is gone from the delete time on', () => {
    const job: JobRecord = { ...record('sora2'), deletedAt: C + 5000 };
    expect(summary(deriveJobState(job, C + 4999))).toBe('succeeded:100');
    expect(deriveJobState(job, C + 5000)).toEqual({ kind: 'gone', reason: 'deleted', since: C + 5000 });
  });
});

describe('deriveJobState: properties', () => {
  const phaseRank = {
    queued: 0,
    preprocessing: 1,
    running: 2,
    processing: 3,
    succeeded: 4,
    failed: 4,
    cancelled: 4,
  };

  it('progress and phase never go backwards as time passes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'sora1' | 'sora2'>('sora1', 'sora2'),
        fc.integer({ min: 1, max: 5000 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 30 }),
        (kind, runningBaseMs, failAt, offsets) => {
          const failure =
            failAt === undefined ? null : { progress: failAt, failure: { code: 'x', message: 'y' } };
          const job = buildJobRecord(
            { partition: 'p', kind, prompt: 'x', model: 'm', width: 480, height: 480, seconds: 3 },
            {
              now: C,
              sequence: 0,
              ids: createIdSource(),
              timing: { ...timing, runningBaseMs },
              retentionMs: DAY,
              failure,
            },
          );
          let last = { rank: -1, progress: -1 };
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            const state = deriveJobState(job, C + offset);
            if (state.kind === 'gone') return false;
            const rank = phaseRank[state.phase];
            if (rank < last.rank || state.progress < last.progress) return false;
            if (state.nextChangeAt !== null && state.nextChangeAt <= C + offset) return false;
            last = { rank, progress: state.progress };
          }
          return true;
        },
      ),
    );
  });
});
