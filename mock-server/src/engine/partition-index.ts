/**
 * Per-partition bookkeeping that keeps a create's sweep and quota check independent of the
 * number of stored jobs: a queue of records by the moment they become sweepable, and per API
 * family the ids that can still count against the quota. Both are derived from the store and
 * the pure state derivation, and only ever skip records whose outcome cannot change any more.
 * @module
 */

import type { JobStore } from '../store/job-store.js';
import { isSettledPhase } from './job-phase.js';
import type { JobKind, JobRecord } from './job-record.js';
import { deriveJobState } from './job-state.js';
import { createMinHeap, type MinHeap } from './min-heap.js';
import type { QuotaPolicy } from './quota-policy.js';

/** What {@link createPartitionIndex} needs. */
export interface PartitionIndexOptions {
  /** The engine's store; the engine must be its only writer. */
  readonly store: JobStore;
  /** The quota policy in force (call {@link PartitionIndex.clear} when it changes). */
  readonly policy: () => QuotaPolicy;
  /** How long a gone record stays stored before a sweep may remove it. */
  readonly graceMs: number;
  /** Called with each record a sweep removes from the store. */
  readonly onRemove?: (record: JobRecord) => void;
}

/** The index. Every method takes the engine's `now`. */
export interface PartitionIndex {
  /**
   * Physically removes the records of `partition` that are gone since at least `graceMs` and
   * created before the rate window; returns how many. Same result as checking every record.
   */
  sweep(partition: string, now: number): number;
  /**
   * The records of `partition` and `kind` that can count against the quota at `now`: a subset
   * of the stored ones that `checkQuota` decides on exactly as on all of them.
   */
  quotaRecords(partition: string, kind: JobKind, now: number): readonly JobRecord[];
  /** Notes a record the engine just stored (created, cancelled or deleted). */
  track(record: JobRecord): void;
  /** Forgets everything; rebuilt from the store on next use (quota change, reset). */
  clear(): void;
}

interface PartitionState {
  /** Ids by a lower bound of the moment their record becomes sweepable. */
  readonly sweepQueue: MinHeap<string>;
  /** Per family, ids that may still count against the quota (none while the quota is `none`). */
  readonly quotaIds: Map<JobKind, Set<string>>;
}

/**
 * Creates an empty index over `store`.
 * @example
 * const index = createPartitionIndex({ store, policy: () => settings.quota, graceMs: 3_600_000 });
 * index.sweep('openai:sk-a', clock.now());
 */
export function createPartitionIndex(options: PartitionIndexOptions): PartitionIndex {
  const { store, policy, graceMs } = options;
  let partitions = new Map<string, PartitionState>();
  let lastNow = Number.NEGATIVE_INFINITY;

  const windowMs = (): number => {
    const quota = policy();
    return quota.mode === 'rate' ? quota.windowMs : 0;
  };
  // When the sweep predicate of `sweepable` turns true; one ms early so float rounding never
  // makes the queue late (an early entry is only checked and queued again).
  const sweepKey = (record: JobRecord): number => {
    const gone = deriveJobState(record, Number.POSITIVE_INFINITY);
    const since = gone.kind === 'gone' ? gone.since : Number.POSITIVE_INFINITY;
    return Math.max(since + graceMs, record.createdAt + windowMs()) - 1;
  };
  const sweepable = (record: JobRecord, now: number): boolean => {
    const state = deriveJobState(record, now);
    return state.kind === 'gone' && state.since <= now - graceMs && record.createdAt <= now - windowMs();
  };
  const counts = (record: JobRecord, quota: QuotaPolicy, now: number): boolean => {
    if (quota.mode === 'rate') return record.createdAt > now - quota.windowMs;
    const state = deriveJobState(record, now);
    return state.kind === 'present' && !isSettledPhase(state.phase);
  };

  const add = (state: PartitionState, record: JobRecord): void => {
    state.sweepQueue.push(sweepKey(record), record.id);
    if (policy().mode === 'none') return;
    let ids = state.quotaIds.get(record.kind);
    if (ids === undefined) {
      ids = new Set();
      state.quotaIds.set(record.kind, ids);
    }
    ids.add(record.id);
  };
  const stateOf = (partition: string, now: number): PartitionState => {
    // Skipping settled and out-of-window records relies on time moving forward.
    if (now < lastNow) partitions = new Map();
    lastNow = now;
    let state = partitions.get(partition);
    if (state === undefined) {
      state = { sweepQueue: createMinHeap(), quotaIds: new Map() };
      for (const record of store.list(partition)) add(state, record);
      partitions.set(partition, state);
    }
    return state;
  };

  return {
    sweep(partition, now) {
      const { sweepQueue } = stateOf(partition, now);
      const notYet: string[] = [];
      let removed = 0;
      while ((sweepQueue.peekKey() ?? Number.POSITIVE_INFINITY) <= now) {
        const id = sweepQueue.pop() as string;
        const record = store.get(partition, id);
        if (record === undefined) continue;
        if (sweepable(record, now)) {
          if (store.delete(partition, id)) {
            removed++;
            options.onRemove?.(record);
          }
        } else notYet.push(id);
      }
      // Queued again after the loop, so a key at or before `now` waits for the next sweep.
      for (const id of notYet) sweepQueue.push(sweepKey(store.get(partition, id) as JobRecord), id);
      return removed;
    },
    quotaRecords(partition, kind, now) {
      const quota = policy();
      if (quota.mode === 'none') return [];
      const ids = stateOf(partition, now).quotaIds.get(kind);
      if (ids === undefined) return [];
      const records: JobRecord[] = [];
      for (const id of ids) {
        const record = store.get(partition, id);
        // Settled, gone and out-of-window records never count again: drop them for good.
        if (record === undefined || !counts(record, quota, now)) ids.delete(id);
        else records.push(record);
      }
      return records;
    },
    track(record) {
      const state = partitions.get(record.partition);
      if (state !== undefined) add(state, record);
    },
    clear() {
      partitions = new Map();
      lastNow = Number.NEGATIVE_INFINITY;
    },
  };
}
