import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import type { JobStore } from '../store/job-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { TEST_TIMING, testJobInput } from '../test-support/engine-fixtures.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import { JOB_PHASES, type JobPhase } from './job-phase.js';
import type { JobKind } from './job-record.js';
import { deriveJobState } from './job-state.js';
import { type ListJobsOptions, listJobs } from './list-jobs.js';
import { createListingIndex } from './listing-index.js';

const HOUR = 3_600_000;
const timing = TEST_TIMING;

const input = (partition: string, kind: JobKind): CreateJobInput => ({
  ...testJobInput(partition, kind),
  // Both expiry bases, so expiry from creation and from settling are both exercised.
  ...(partition === 'b' ? { expiryBasis: 'createdAt' as const } : {}),
});

type Op =
  | { type: 'create'; partition: string; kind: JobKind; twice: boolean }
  | { type: 'advance'; ms: number }
  | { type: 'cancel' | 'delete'; pick: number }
  | { type: 'sweep' }
  | {
      type: 'list';
      partition: string;
      kind: JobKind | null;
      order: 'asc' | 'desc';
      limit: number;
      statuses: JobPhase[];
      after: number | null;
      before: number | null;
    };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      partition: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom<JobKind>('sora1', 'sora2'),
      twice: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      ms: fc.constantFrom(0, 1, 499, 500, 1000, 1499, 3000, 4000, HOUR - 1, HOUR, 2 * HOUR),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constantFrom('cancel' as const, 'delete' as const), pick: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('sweep' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('list' as const),
      partition: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom<JobKind | null>('sora1', 'sora2', null),
      order: fc.constantFrom('asc' as const, 'desc' as const),
      limit: fc.integer({ min: 0, max: 6 }),
      statuses: fc.subarray([...JOB_PHASES]),
      after: fc.option(fc.nat(), { nil: null }),
      before: fc.option(fc.nat(), { nil: null }),
    }),
  },
);

const outcome = (run: () => unknown): unknown => {
  try {
    return run();
  } catch (error) {
    return { error: (error as Error).name, param: (error as { param?: string }).param };
  }
};

describe('listing index', () => {
  it('answers every page exactly as the full scan of listJobs over the stored records', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 100 }), (ops) => {
        const clock = createManualClock();
        const engine = createEngine({ clock, timing, retentionHours: 1, quota: 'none' });
        const ids: { partition: string; id: string }[] = [];
        for (const step of ops) {
          if (step.type === 'advance') clock.advance(step.ms);
          else if (step.type === 'sweep') engine.sweep();
          else if (step.type === 'create') {
            const times = step.twice ? 2 : 1;
            for (let i = 0; i < times; i++) {
              ids.push({
                partition: step.partition,
                id: engine.createJob(input(step.partition, step.kind)).job.id,
              });
            }
          } else if (step.type === 'cancel' || step.type === 'delete') {
            const target = ids[step.pick % Math.max(1, ids.length)];
            if (target === undefined) continue;
            outcome(() =>
              step.type === 'cancel'
                ? engine.cancelJob(target.partition, target.id)
                : engine.deleteJob(target.partition, target.id),
            );
          } else if (step.type === 'list') {
            const cursor = (pick: number | null) =>
              pick === null ? undefined : (ids[pick % Math.max(1, ids.length)]?.id ?? 'video_none');
            const after = cursor(step.after);
            const before = cursor(step.before);
            const options: ListJobsOptions = {
              order: step.order,
              limit: step.limit,
              statuses: step.statuses,
              ...(step.kind === null ? {} : { kind: step.kind }),
              ...(after === undefined ? {} : { after }),
              ...(before === undefined ? {} : { before }),
            };
            const records = engine.store.list(step.partition);
            expect(outcome(() => engine.listJobs(step.partition, options))).toEqual(
              outcome(() => listJobs(records, clock.now(), options)),
            );
          }
          // After every step, each phase of each partition lists the same jobs as the scan.
          for (const partition of ['a', 'b']) {
            const records = engine.store.list(partition);
            for (const statuses of [[], ...JOB_PHASES.map((phase) => [phase])]) {
              const options: ListJobsOptions = { order: 'asc', limit: 1000, statuses };
              expect(engine.listJobs(partition, options)).toEqual(listJobs(records, clock.now(), options));
            }
          }
        }
        // The state dump and the stored count match the store too.
        const all = engine.store.partitions().flatMap((p) => engine.store.list(p));
        expect(engine.jobCount()).toBe(all.length);
        expect(engine.snapshot().jobs).toEqual(
          all.map((record) => ({ record, state: deriveJobState(record, clock.now()) })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('builds views for the returned page only, however many jobs are stored (first and deep pages)', () => {
    const clock = createManualClock();
    const store = createMemoryStore();
    const engine = createEngine({ clock, timing, store, quota: 'none' });
    const ids: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      ids.push(engine.createJob(input('a', i % 2 === 0 ? 'sora2' : 'sora1')).job.id);
      clock.advance(10);
    }
    clock.advance(HOUR / 2); // some settled, the newest still queued or running
    const listing = createListingIndex(store, clock.now());
    const before = listing.stats();
    const first = listing.page('a', clock.now(), { kind: 'sora2', limit: 20 });
    const middle = ids[10_000] as string;
    const deep = listing.page('a', clock.now(), { kind: 'sora2', limit: 20, after: middle, order: 'asc' });
    const filtered = listing.page('a', clock.now(), { kind: 'sora1', statuses: ['succeeded'], limit: 20 });
    const after = listing.stats();
    expect([first.data.length, deep.data.length, filtered.data.length]).toEqual([20, 20, 20]);
    expect(after.views - before.views).toBe(60);
    // Each page looks at its 20 records plus one to know whether more follow.
    expect(after.visited - before.visited).toBe(63);
    expect(deep.data[0]?.job.id).toBe(ids[10_002]);
    expect(filtered.data.every((view) => view.phase === 'succeeded' && view.job.kind === 'sora1')).toBe(true);
  });

  it('applies phase and expiry changes from its next-change heap: work follows the jobs that change', () => {
    const clock = createManualClock();
    const store = createMemoryStore();
    const engine = createEngine({ clock, timing, store, quota: 'none', retentionHours: 1 });
    for (let i = 0; i < 5000; i++) engine.createJob(input('a', 'sora2'));
    clock.advance(2 * HOUR); // every job has succeeded and expired
    const fresh = engine.createJob(input('a', 'sora2'));
    const listing = createListingIndex(store, clock.now());
    const built = listing.stats().placed;
    expect(listing.page('a', clock.now()).data.map((view) => view.job.id)).toEqual([fresh.job.id]);
    // Nothing changed since the build: no record is placed again.
    expect(listing.stats().placed).toBe(built);
    clock.advance(timing.queuedMs);
    expect(listing.page('a', clock.now()).data[0]?.phase).toBe('running');
    expect(listing.stats().placed - built).toBe(1);
  });

  it('reads no record from the store for listings, counts, dump pages and webhook scans', () => {
    const clock = createManualClock();
    const memory = createMemoryStore();
    const reads = { list: 0, get: 0 };
    const store: JobStore = {
      ...memory,
      list: (partition) => {
        reads.list++;
        return memory.list(partition);
      },
      get: (partition, id) => {
        reads.get++;
        return memory.get(partition, id);
      },
    };
    const engine = createEngine({ clock, timing, store, quota: 'none' });
    const ids: string[] = [];
    for (let i = 0; i < 3000; i++) ids.push(engine.createJob(input('a', 'sora2')).job.id);
    clock.advance(5000);
    reads.list = 0;
    reads.get = 0;
    engine.listJobs('a', { after: ids[1500] as string, limit: 10 });
    expect(engine.jobCount()).toBe(3000);
    const page = engine.storedJobs({ limit: 2 });
    expect(page.next).toEqual({ partition: 'a', id: ids[1] });
    expect(
      engine.storedJobs({ limit: 2, after: page.next ?? undefined }).data.map((j) => j.record.id),
    ).toEqual([ids[2], ids[3]]);
    expect(engine.settledBetween(clock.now() - 1, clock.now())).toHaveLength(0);
    expect(reads).toEqual({ list: 0, get: 0 });
  });
});
