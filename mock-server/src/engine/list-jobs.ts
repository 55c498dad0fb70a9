/**
 * Listing and cursor pagination over one partition, as a pure function of records and time.
 * @module
 */

import { InvalidConfigError, InvalidCursorError } from './errors.js';
import type { JobPhase } from './job-phase.js';
import type { JobKind, JobRecord } from './job-record.js';
import { deriveJobState } from './job-state.js';
import { type JobView, toJobView } from './job-view.js';

/** Default page size when `limit` is omitted. */
export const DEFAULT_LIST_LIMIT = 20;

/** Filters, order and cursors of a listing. */
export interface ListJobsOptions {
  /** Only this API family. */
  kind?: JobKind;
  /** Only jobs in these phases (e.g. Azure `statuses`). */
  statuses?: readonly JobPhase[];
  /** `desc` = newest first (default), `asc` = oldest first. Order is by createdAt, then creation sequence. */
  order?: 'asc' | 'desc';
  /** Only jobs after this id in the chosen order (the next page). */
  after?: string;
  /** Only jobs before this id in the chosen order (the previous page; the ones closest to it). */
  before?: string;
  /** Page size, integer >= 0 (default 20). The dialect enforces its own maximum. */
  limit?: number;
}

/** One page of a listing. */
export interface JobPage {
  /** The jobs, in the requested order. */
  readonly data: readonly JobView[];
  /** True when more jobs lie beyond this page in the paging direction (`before`: earlier ones). */
  readonly hasMore: boolean;
  /** Id of the first job of the page, or null when empty. */
  readonly firstId: string | null;
  /** Id of the last job of the page, or null when empty. */
  readonly lastId: string | null;
}

function cursorIndex(ordered: readonly JobRecord[], param: 'after' | 'before', id: string): number {
  const index = ordered.findIndex((record) => record.id === id);
  if (index < 0) throw new InvalidCursorError(param, id);
  return index;
}

/**
 * Lists the present jobs among `records` (one partition, stored order) at `now`. Cursors may name
 * deleted jobs that are still stored as tombstones; an unknown cursor is an error.
 * @throws InvalidCursorError, InvalidConfigError (bad limit)
 */
export function listJobs(records: readonly JobRecord[], now: number, options: ListJobsOptions = {}): JobPage {
  const limit = options.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new InvalidConfigError('limit', 'limit must be an integer >= 0');
  }
  const ofKind = options.kind === undefined ? records : records.filter((r) => r.kind === options.kind);
  const ordered = options.order === 'asc' ? ofKind : [...ofKind].reverse();
  const start = options.after === undefined ? 0 : cursorIndex(ordered, 'after', options.after) + 1;
  const end = options.before === undefined ? ordered.length : cursorIndex(ordered, 'before', options.before);
  const statuses = options.statuses && options.statuses.length > 0 ? new Set(options.statuses) : undefined;

  const visible: JobView[] = [];
  for (const record of ordered.slice(start, Math.max(start, end))) {
    const state = deriveJobState(record, now);
    if (state.kind === 'gone' || (statuses && !statuses.has(state.phase))) continue;
    visible.push(toJobView(record, state, now));
  }
  const fromEnd = options.before !== undefined && options.after === undefined;
  const data = fromEnd ? visible.slice(Math.max(0, visible.length - limit)) : visible.slice(0, limit);
  return {
    data,
    hasMore: visible.length > data.length,
    firstId: data[0]?.job.id ?? null,
    lastId: data[data.length - 1]?.job.id ?? null,
  };
}
