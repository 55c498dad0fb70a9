/**
 * Where job records live. The interface is synchronous on purpose: the engine's quota check and
 * the create that follows must be atomic, and a synchronous store makes that free (no locks,
 * deterministic interleaving). A durable store can still be synchronous (fs write-through, SQLite).
 * @module
 */

import type { JobRecord } from '../engine/job-record.js';

/** Storage of immutable job records, partitioned by credential. */
export interface JobStore {
  /** Inserts the record, or replaces the record with the same partition and id. */
  put(record: JobRecord): void;
  /** The record with `id` in `partition`, or undefined. */
  get(partition: string, id: string): JobRecord | undefined;
  /** Removes the record physically; true if it existed. (Engine deletes keep a tombstone instead.) */
  delete(partition: string, id: string): boolean;
  /** Every record of `partition`, ordered by `createdAt`, then `sequence`, then `id` (ascending). */
  list(partition: string): readonly JobRecord[];
  /** Every partition holding at least one record, sorted. */
  partitions(): readonly string[];
  /** Removes everything. */
  clear(): void;
}

/** The ordering every store's `list` uses (only `createdAt`, `sequence` and `id` are read). */
export function compareRecords(
  a: Pick<JobRecord, 'createdAt' | 'sequence' | 'id'>,
  b: Pick<JobRecord, 'createdAt' | 'sequence' | 'id'>,
): number {
  return a.createdAt - b.createdAt || a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
