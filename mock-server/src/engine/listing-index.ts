/**
 * The engine's in-memory listing index: per partition, the stored records in list order, and
 * per kind the present records, overall and by phase. Phases and expiry are derived from the
 * clock, so the index keeps a "next change" heap (the next moment any of a record's phase or
 * presence can change) and applies due changes before it answers. A page costs
 * O(log n + page) whatever the number of stored jobs; views are built for the page only.
 * @module
 */

import { compareRecords as compare, type JobStore } from '../store/job-store.js';
import { InvalidConfigError, InvalidCursorError } from './errors.js';
import type { JobPhase } from './job-phase.js';
import type { JobKind, JobRecord } from './job-record.js';
import { deriveJobState, type JobState } from './job-state.js';
import { jobTimeline } from './job-timeline.js';
import { type JobView, toJobView } from './job-view.js';
import { DEFAULT_LIST_LIMIT, type JobPage, type ListJobsOptions } from './list-jobs.js';
import { createMinHeap, type MinHeap } from './min-heap.js';
import { createSortedList, type SortedList } from './sorted-list.js';

type SortedRecords = SortedList<JobRecord>;
const createSortedRecords = (): SortedRecords => createSortedList<JobRecord>(compare);

/** One stored record with its state, as the state dump shows it. */
export interface StoredJob {
  /** The record. */
  readonly record: JobRecord;
  /** Its state at the moment of the dump. */
  readonly state: JobState;
}

/** A page of stored records (tombstones included) across partitions, for the state dump. */
export interface StoredJobPage {
  /** The moment the states were derived for. */
  readonly now: number;
  /** The records, by partition (sorted), then list order. */
  readonly data: readonly StoredJob[];
  /** Where the next page starts, or null when this was the last one. */
  readonly next: { readonly partition: string; readonly id: string } | null;
}

/** Options of {@link ListingIndex.storedPage}. */
export interface StoredPageOptions {
  /** Only this partition. */
  readonly partition?: string;
  /** Only this kind. */
  readonly kind?: JobKind;
  /** Start after this record (a previous page's `next`). */
  readonly after?: { readonly partition: string; readonly id: string };
  /** Page size (integer >= 1). */
  readonly limit: number;
}

/** Work counters, for complexity tests (they count operations, never time). */
export interface ListingIndexStats {
  /** Records looked at while walking pages, cumulative. */
  readonly visited: number;
  /** Views built for pages, cumulative. */
  readonly views: number;
  /** Records (re)placed because they were stored or one of their changes fell due, cumulative. */
  readonly placed: number;
}

/** The index. The engine must call {@link ListingIndex.track} for every record it stores. */
export interface ListingIndex {
  /** A page of the present jobs of `partition`, as {@link listJobs} defines it. @throws InvalidCursorError, InvalidConfigError */
  page(partition: string, now: number, options?: ListJobsOptions): JobPage;
  /** The stored record that owns Sora 1 generation `generationId`, or undefined. */
  generationOwner(partition: string, generationId: string): JobRecord | undefined;
  /** A page of stored records of every (or one) partition, with their state at `now`. */
  storedPage(now: number, options: StoredPageOptions, nowOf?: (partition: string) => number): StoredJobPage;
  /**
   * Stored records of every partition whose planned settle moment (`jobTimeline(r).settlesAt`)
   * lies in `(fromMs, toMs]`, by that moment then creation. O(log n + answer).
   */
  plannedSettles(fromMs: number, toMs: number): readonly JobRecord[];
  /** Stored records, tombstones included, in every partition. O(1). */
  readonly storedCount: number;
  /** Notes a record just stored at `now` (created, cancelled, deleted). */
  track(record: JobRecord, now: number): void;
  /** Notes a record physically removed from the store. */
  forget(record: JobRecord): void;
  /** Forgets everything and rebuilds from the store (reset; time moved backwards). */
  rebuild(): void;
  /** Work counters. */
  stats(): ListingIndexStats;
}

interface Shelf {
  /** Present records of one kind. */
  readonly present: SortedRecords;
  /** Present records of one kind by their phase now. */
  readonly byPhase: Map<JobPhase, SortedRecords>;
  /** Stored records of one kind, tombstones included. */
  readonly stored: SortedRecords;
}

interface Placement {
  record: JobRecord;
  /** Phase now, or null when gone. */
  phase: JobPhase | null;
  /** When the next change is scheduled (the heap may hold older, stale keys too). */
  dueAt: number | null;
}

interface SettleKey {
  readonly at: number;
  readonly sequence: number;
  readonly partition: string;
  readonly id: string;
}

const compareSettles = (a: SettleKey, b: SettleKey): number => a.at - b.at || a.sequence - b.sequence;

interface Partition {
  readonly stored: SortedRecords;
  readonly shelves: Map<JobKind, Shelf>;
  readonly placements: Map<string, Placement>;
  readonly changes: MinHeap<string>;
  readonly generations: Map<string, string>;
  /** The time the partition was last moved to (its clock scope's time). */
  at: number;
}

/**
 * The next moment after `now` at which `deriveJobState(record, t)` can differ in phase or
 * presence: it compares `t` only with these boundaries (progress ticks are not tracked).
 */
function nextBoundary(record: JobRecord, now: number): number | null {
  const timeline = jobTimeline(record);
  const cancelled = record.cancelledAt !== undefined && record.cancelledAt < timeline.settlesAt;
  const settledAt = cancelled ? (record.cancelledAt as number) : timeline.settlesAt;
  const expiresAt = (record.expiryBasis === 'createdAt' ? record.createdAt : settledAt) + record.retentionMs;
  let next = Number.POSITIVE_INFINITY;
  for (const at of [
    timeline.preprocessingAt,
    timeline.runningAt,
    timeline.runningEndsAt,
    timeline.settlesAt,
    settledAt,
    expiresAt,
    record.deletedAt ?? Number.POSITIVE_INFINITY,
  ]) {
    if (at > now && at < next) next = at;
  }
  return next === Number.POSITIVE_INFINITY ? null : next;
}

/**
 * Creates the index over `store` (built from it now; the engine must be the store's only writer).
 * @example
 * const listing = createListingIndex(store, clock.now());
 * listing.track(record, clock.now());
 * listing.page('openai:sk-a', clock.now(), { kind: 'sora2', limit: 20 });
 */
export function createListingIndex(store: JobStore, now: number): ListingIndex {
  let partitions = new Map<string, Partition>();
  let storedCount = 0;
  let settles = createSortedList(compareSettles);
  let lastNow = now;
  let visited = 0;
  let views = 0;
  let placed = 0;

  const partitionOf = (name: string): Partition => {
    let partition = partitions.get(name);
    if (partition === undefined) {
      partition = {
        stored: createSortedRecords(),
        shelves: new Map(),
        placements: new Map(),
        changes: createMinHeap(),
        generations: new Map(),
        at: lastNow,
      };
      partitions.set(name, partition);
    }
    return partition;
  };
  const shelfOf = (partition: Partition, kind: JobKind): Shelf => {
    let shelf = partition.shelves.get(kind);
    if (shelf === undefined) {
      shelf = { present: createSortedRecords(), byPhase: new Map(), stored: createSortedRecords() };
      partition.shelves.set(kind, shelf);
    }
    return shelf;
  };
  const phaseList = (shelf: Shelf, phase: JobPhase): SortedRecords => {
    let list = shelf.byPhase.get(phase);
    if (list === undefined) {
      list = createSortedRecords();
      shelf.byPhase.set(phase, list);
    }
    return list;
  };

  /** Puts `record` where its state at `at` says, and schedules its next change. */
  const place = (partition: Partition, record: JobRecord, at: number): void => {
    placed++;
    const shelf = shelfOf(partition, record.kind);
    let placement = partition.placements.get(record.id);
    if (placement === undefined) {
      placement = { record, phase: null, dueAt: null };
      partition.placements.set(record.id, placement);
    }
    const state = deriveJobState(record, at);
    const phase = state.kind === 'gone' ? null : state.phase;
    if (placement.phase !== null && placement.phase !== phase)
      phaseList(shelf, placement.phase).remove(record);
    if (phase === null) shelf.present.remove(record);
    else {
      shelf.present.upsert(record);
      phaseList(shelf, phase).upsert(record);
    }
    placement.record = record;
    placement.phase = phase;
    // Gone is final (time only moves forward), so a gone record needs no further change.
    const due = phase === null ? null : nextBoundary(record, at);
    if (due !== placement.dueAt) {
      placement.dueAt = due;
      if (due !== null) partition.changes.push(due, record.id);
    }
  };

  // While the index is built from the store, settle keys are collected and sorted once at the end.
  let bulkSettles: SettleKey[] | null = null;
  const add = (record: JobRecord, at: number): void => {
    const partition = partitionOf(record.partition);
    if (!partition.placements.has(record.id)) {
      storedCount++;
      const { settlesAt } = jobTimeline(record);
      const key = { at: settlesAt, sequence: record.sequence, partition: record.partition, id: record.id };
      if (bulkSettles === null) settles.upsert(key);
      else bulkSettles.push(key);
    }
    partition.stored.upsert(record);
    shelfOf(partition, record.kind).stored.upsert(record);
    for (const id of record.generationIds) partition.generations.set(id, record.id);
    place(partition, record, at);
  };

  const build = (): void => {
    partitions = new Map();
    storedCount = 0;
    const keys: SettleKey[] = [];
    bulkSettles = keys;
    try {
      for (const name of store.partitions()) for (const record of store.list(name)) add(record, lastNow);
    } finally {
      bulkSettles = null;
    }
    settles = createSortedList(compareSettles, keys);
  };

  /** Applies every change due at or before `at` in `partition`. */
  const advance = (partition: Partition, at: number): void => {
    const { changes, placements } = partition;
    for (let key = changes.peekKey(); key !== undefined && key <= at; key = changes.peekKey()) {
      const id = changes.pop() as string;
      const placement = placements.get(id);
      if (placement === undefined || placement.dueAt !== key) continue;
      placement.dueAt = null;
      place(partition, placement.record, at);
    }
  };
  /**
   * Moves partition `name` to `at`. Each partition keeps its own time (clock scopes run partitions
   * ahead of the global clock); one that went backwards (never, in practice) forces a rebuild at
   * the earliest time seen, from which every partition advances again.
   */
  const current = (name: string, at: number): Partition | undefined => {
    let partition = partitions.get(name);
    if (partition !== undefined && at < partition.at) {
      lastNow = Math.min(lastNow, at);
      build();
      partition = partitions.get(name);
    }
    if (partition !== undefined) {
      advance(partition, at);
      partition.at = at;
    }
    return partition;
  };

  /**
   * Up to `take` records from `lists` merged in key order: `up` = ascending, strictly after
   * `from` (or from the start); `down` = descending, strictly before `from` (or from the end).
   * Stops at `stop` (exclusive).
   */
  const walk = (
    lists: readonly SortedRecords[],
    up: boolean,
    from: JobRecord | undefined,
    stop: JobRecord | undefined,
    take: number,
  ): JobRecord[] => {
    const heads = lists.map((list) =>
      from === undefined ? (up ? 0 : list.size - 1) : up ? list.upperBound(from) : list.lowerBound(from) - 1,
    );
    const out: JobRecord[] = [];
    while (out.length < take) {
      let best = -1;
      let bestRecord: JobRecord | undefined;
      for (let i = 0; i < lists.length; i++) {
        const candidate = (lists[i] as SortedRecords).at(heads[i] as number);
        if (candidate === undefined) continue;
        if (
          bestRecord === undefined ||
          (up ? compare(candidate, bestRecord) < 0 : compare(candidate, bestRecord) > 0)
        ) {
          best = i;
          bestRecord = candidate;
        }
      }
      if (bestRecord === undefined) break;
      if (stop !== undefined && (up ? compare(bestRecord, stop) >= 0 : compare(bestRecord, stop) <= 0)) break;
      visited++;
      out.push(bestRecord);
      heads[best] = (heads[best] as number) + (up ? 1 : -1);
    }
    return out;
  };

  build();

  return {
    page(name, at, options = {}) {
      const limit = options.limit ?? DEFAULT_LIST_LIMIT;
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new InvalidConfigError('limit', 'limit must be an integer >= 0');
      }
      const partition = current(name, at);
      const cursor = (param: 'after' | 'before', id: string | undefined): JobRecord | undefined => {
        if (id === undefined) return undefined;
        const record = partition?.placements.get(id)?.record;
        if (record === undefined || (options.kind !== undefined && record.kind !== options.kind)) {
          throw new InvalidCursorError(param, id);
        }
        return record;
      };
      const after = cursor('after', options.after);
      const before = cursor('before', options.before);
      const statuses =
        options.statuses && options.statuses.length > 0 ? [...new Set(options.statuses)] : null;
      const lists: SortedRecords[] = [];
      for (const [kind, shelf] of partition?.shelves ?? []) {
        if (options.kind !== undefined && kind !== options.kind) continue;
        if (statuses === null) lists.push(shelf.present);
        else for (const phase of statuses) lists.push(phaseList(shelf, phase));
      }
      // In list order, `asc` walks up and `desc` walks down; `before` alone pages from its end.
      const asc = options.order === 'asc';
      const fromEnd = before !== undefined && after === undefined;
      const records = fromEnd
        ? walk(lists, !asc, before, undefined, limit + 1)
        : walk(lists, asc, after, before, limit + 1);
      const hasMore = records.length > limit;
      const pageRecords = records.slice(0, limit);
      if (fromEnd) pageRecords.reverse();
      const data: JobView[] = pageRecords.map((record) => {
        views++;
        return toJobView(record, deriveJobState(record, at) as Extract<JobState, { kind: 'present' }>, at);
      });
      return {
        data,
        hasMore,
        firstId: data[0]?.job.id ?? null,
        lastId: data[data.length - 1]?.job.id ?? null,
      };
    },
    generationOwner(name, generationId) {
      const partition = partitions.get(name);
      const id = partition?.generations.get(generationId);
      return id === undefined ? undefined : partition?.placements.get(id)?.record;
    },
    storedPage(at, options, nowOf) {
      const names =
        options.partition === undefined
          ? [...partitions.keys()].sort()
          : partitions.has(options.partition)
            ? [options.partition]
            : [];
      const data: StoredJob[] = [];
      let next: StoredJobPage['next'] = null;
      for (const name of names) {
        if (options.after !== undefined && name < options.after.partition) continue;
        const partition = partitions.get(name) as Partition;
        const list =
          options.kind === undefined ? partition.stored : partition.shelves.get(options.kind)?.stored;
        if (list === undefined) continue;
        let afterRecord: JobRecord | undefined;
        if (options.after !== undefined && name === options.after.partition) {
          afterRecord = partition.placements.get(options.after.id)?.record;
          if (afterRecord === undefined) throw new InvalidCursorError('after', options.after.id);
        }
        for (let i = afterRecord === undefined ? 0 : list.upperBound(afterRecord); i < list.size; i++) {
          const record = list.at(i) as JobRecord;
          if (data.length === options.limit) {
            const last = data[data.length - 1]?.record as JobRecord;
            next = { partition: last.partition, id: last.id };
            break;
          }
          visited++;
          data.push({ record, state: deriveJobState(record, nowOf === undefined ? at : nowOf(name)) });
        }
        if (next !== null) break;
      }
      return { now: at, data, next };
    },
    plannedSettles(fromMs, toMs) {
      const out: JobRecord[] = [];
      const start = settles.upperBound({
        at: fromMs,
        sequence: Number.POSITIVE_INFINITY,
        partition: '',
        id: '',
      });
      for (let i = start; i < settles.size; i++) {
        const key = settles.at(i) as SettleKey;
        if (key.at > toMs) break;
        visited++;
        const record = partitions.get(key.partition)?.placements.get(key.id)?.record;
        if (record !== undefined) out.push(record);
      }
      return out;
    },
    get storedCount() {
      return storedCount;
    },
    track(record, at) {
      current(record.partition, at);
      add(record, at);
      (partitions.get(record.partition) as Partition).at = at;
    },
    forget(record) {
      const partition = partitions.get(record.partition);
      const placement = partition?.placements.get(record.id);
      if (partition === undefined || placement === undefined) return;
      storedCount--;
      const { settlesAt } = jobTimeline(record);
      settles.remove({
        at: settlesAt,
        sequence: record.sequence,
        partition: record.partition,
        id: record.id,
      });
      const shelf = shelfOf(partition, record.kind);
      partition.stored.remove(record);
      shelf.stored.remove(record);
      shelf.present.remove(record);
      if (placement.phase !== null) phaseList(shelf, placement.phase).remove(record);
      for (const id of placement.record.generationIds) partition.generations.delete(id);
      partition.placements.delete(record.id);
    },
    rebuild: build,
    stats: () => ({ visited, views, placed }),
  };
}
