import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import type { JobStore } from '../store/job-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import { TEST_TIMING, testJobInput } from '../test-support/engine-fixtures.js';
import { createEngine } from './create-engine.js';
import { QuotaExceededError } from './errors.js';
import type { JobKind, JobRecord } from './job-record.js';
import { deriveJobState } from './job-state.js';
import { createMinHeap } from './min-heap.js';
import { checkQuota } from './quota-check.js';

const HOUR = 3_600_000;
const timing = TEST_TIMING;

const input = testJobInput;

type Op =
  | { type: 'create'; partition: string; kind: JobKind }
  | { type: 'advance'; ms: number }
  | { type: 'cancel'; pick: number }
  | { type: 'delete'; pick: number }
  | { type: 'quota'; spec: string }
  | { type: 'sweep' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      partition: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom<JobKind>('sora1', 'sora2'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      // Multiples of the phase lengths hit sweep and quota boundaries exactly; ±1 ms straddles them.
      ms: fc.constantFrom(0, 1, 499, 500, 1000, 3000, 4000, 5000, 60_000, HOUR - 1, HOUR, 2 * HOUR),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.record({ type: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('quota' as const),
      spec: fc.constantFrom('none', 'concurrent:1', 'concurrent:3', 'rate:2/min', 'rate:3/5s'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('sweep' as const) }) },
);

/** The sweep rule applied to every record, as the engine did before it had an index. */
function sweepableIds(records: readonly JobRecord[], now: number, windowMs: number): Set<string> {
  const ids = new Set<string>();
  for (const record of records) {
    const state = deriveJobState(record, now);
    if (state.kind === 'gone' && state.since <= now - HOUR && record.createdAt <= now - windowMs) {
      ids.add(record.id);
    }
  }
  return ids;
}

describe('partition index (sweep and quota without scanning every job)', () => {
  it('sweeps and refuses exactly as the full scan over all stored jobs', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), (ops) => {
        const clock = createManualClock();
        const engine = createEngine({ clock, timing, retentionHours: 1, quota: 'concurrent:2' });
        const ids: { partition: string; id: string }[] = [];
        const windowMs = () => {
          const quota = engine.settings().quota;
          return quota.mode === 'rate' ? quota.windowMs : 0;
        };
        for (const step of ops) {
          const now = clock.now();
          if (step.type === 'advance') clock.advance(step.ms);
          else if (step.type === 'quota') engine.configure({ quota: step.spec });
          else if (step.type === 'sweep') {
            const partitions = engine.store.partitions();
            const expected = partitions.reduce(
              (sum, p) => sum + sweepableIds(engine.store.list(p), now, windowMs()).size,
              0,
            );
            expect(engine.sweep()).toBe(expected);
          } else if (step.type === 'cancel' || step.type === 'delete') {
            const target = ids[step.pick % Math.max(1, ids.length)];
            if (target === undefined) continue;
            try {
              if (step.type === 'cancel') engine.cancelJob(target.partition, target.id);
              else engine.deleteJob(target.partition, target.id);
            } catch {
              // gone, settled or unfinished: the engine refuses; nothing changes
            }
          } else {
            const before = engine.store.list(step.partition);
            const swept = sweepableIds(before, now, windowMs());
            const kept = before.filter((record) => !swept.has(record.id));
            const expected = checkQuota(
              kept.filter((record) => record.kind === step.kind),
              now,
              engine.settings().quota,
            );
            let created: string | undefined;
            try {
              created = engine.createJob(input(step.partition, step.kind)).job.id;
              ids.push({ partition: step.partition, id: created });
            } catch (error) {
              if (!(error instanceof QuotaExceededError)) throw error;
              expect(expected).not.toBeNull();
              expect(error.retryAfterMs).toBe(expected?.retryAfterMs);
            }
            if (created !== undefined) expect(expected).toBeNull();
            const after = engine.store.list(step.partition).map((record) => record.id);
            expect(after).toEqual([...kept.map((record) => record.id), ...(created ? [created] : [])]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sweeps, frees slots and leaves the rate window at the exact millisecond', () => {
    const clock = createManualClock();
    const engine = createEngine({ clock, timing, retentionHours: 1, quota: 'concurrent:1' });
    const created = engine.createJob(input('a', 'sora2'));
    const first = created.job.id;
    clock.advance(created.settlesAt - clock.now() - 1);
    expect(() => engine.createJob(input('a', 'sora2'))).toThrow(QuotaExceededError);
    clock.advance(1); // settled: the slot is free
    const second = engine.createJob(input('a', 'sora2')).job.id;
    // expires an hour after settling, swept an hour after that
    clock.advance(2 * HOUR - 1);
    engine.createJob(input('a', 'sora1'));
    expect(engine.store.get('a', first)).toBeDefined();
    clock.advance(1);
    engine.createJob(input('a', 'sora2'));
    expect(engine.store.get('a', first)).toBeUndefined();
    expect(engine.store.get('a', second)).toBeDefined();
    // a deleted video is gone at once and swept after the grace hour
    const deleted = engine.createJob(input('c', 'sora2'));
    clock.advance(deleted.settlesAt - clock.now());
    engine.deleteJob('c', deleted.job.id);
    clock.advance(HOUR - 1);
    engine.sweep();
    expect(engine.store.get('c', deleted.job.id)?.deletedAt).toBeDefined();
    clock.advance(1);
    engine.sweep();
    expect(engine.store.get('c', deleted.job.id)).toBeUndefined();
    engine.configure({ quota: 'rate:1/5s' });
    engine.createJob(input('b', 'sora2'));
    clock.advance(4999);
    expect(() => engine.createJob(input('b', 'sora2'))).toThrow(QuotaExceededError);
    clock.advance(1);
    expect(engine.createJob(input('b', 'sora2')).phase).toBe('queued');
  });

  it('a create among thousands of settled jobs reads only the unfinished ones', () => {
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
    const engine = createEngine({ clock, timing, store, quota: 'concurrent:2' });
    for (let i = 0; i < 2000; i++) {
      engine.createJob(input('a', 'sora2'));
      clock.advance(5000);
    }
    reads.list = 0;
    reads.get = 0;
    engine.createJob(input('a', 'sora2'));
    engine.createJob(input('a', 'sora2'));
    expect(() => engine.createJob(input('a', 'sora2'))).toThrow(QuotaExceededError);
    expect(reads.list).toBe(0);
    expect(reads.get).toBeLessThan(10);
    expect(memory.list('a')).toHaveLength(2002);
  });
});

describe('createMinHeap', () => {
  it('pops items in key order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (keys) => {
        const heap = createMinHeap<number>();
        for (const key of keys) heap.push(key, key);
        expect(heap.size).toBe(keys.length);
        const popped: number[] = [];
        while (heap.size > 0) {
          const key = heap.peekKey();
          const item = heap.pop() as number;
          expect(item).toBe(key);
          popped.push(item);
        }
        expect(popped).toEqual([...keys].sort((x, y) => x - y));
        expect(heap.pop()).toBeUndefined();
        expect(heap.peekKey()).toBeUndefined();
      }),
    );
  });
});
