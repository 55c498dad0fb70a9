import { describe, expect, it } from 'vitest';
import { buildJobRecord } from '../engine/build-job-record.js';
import { createIdSource } from '../engine/id-source.js';
import { DEFAULT_TIMING } from '../engine/timing-profiles.js';
import { createMemoryStore } from './memory-store.js';

const ids = createIdSource({ seed: 'store' });
const make = (partition: string, now: number, sequence: number) =>
  buildJobRecord(
    { partition, kind: 'sora2', prompt: 'p', model: 'm', width: 720, height: 1280, seconds: 4 },
    { now, sequence, ids, timing: DEFAULT_TIMING, retentionMs: 1000, failure: null },
  );

describe('createMemoryStore', () => {
  it('stores, replaces, lists in createdAt then sequence order, and deletes per partition', () => {
    const store = createMemoryStore();
    const late = make('a', 2000, 0);
    const early2 = make('a', 1000, 2);
    const early1 = make('a', 1000, 1);
    const other = make('b', 0, 3);
    for (const record of [late, early2, early1, other]) store.put(record);
    expect(store.list('a').map((r) => r.id)).toEqual([early1.id, early2.id, late.id]);
    expect(store.partitions()).toEqual(['a', 'b']);
    expect(store.get('a', other.id)).toBeUndefined();
    expect(store.get('b', other.id)).toBe(other);

    const replaced = { ...late, deletedAt: 3000 };
    store.put(replaced);
    expect(store.get('a', late.id)).toBe(replaced);
    expect(store.list('a')).toHaveLength(3);

    expect(store.delete('b', other.id)).toBe(true);
    expect(store.delete('b', other.id)).toBe(false);
    expect(store.partitions()).toEqual(['a']);
    store.clear();
    expect(store.list('a')).toEqual([]);
  });
});
