/**
 * `GET /video/generations/jobs` query (ruling 7): `limit` 1..100 (default 10), newest first,
 * `before`/`after` job-id cursors, `statuses` as a comma list or repeated.
 * @module
 */
import { SORA1_JOB_STATUSES, type Sora1JobStatus } from '@sora-kit/core/wire';
import type { ListJobsOptions } from '../../engine/index.js';
import { badRequest } from './sora1-request-error.js';

/** `limit` when omitted. */
export const SORA1_DEFAULT_LIST_LIMIT = 10;
/** Largest `limit`. */
export const SORA1_MAX_LIST_LIMIT = 100;

/**
 * Parses the list query into engine list options (kind `sora1`, order `desc`).
 * @throws Sora1RequestError (400) naming the parameter
 * @example
 * engine.listJobs(partition, parseSora1ListQuery(new URL(request.url).searchParams));
 */
export function parseSora1ListQuery(query: URLSearchParams): ListJobsOptions {
  const limitText = query.get('limit');
  let limit = SORA1_DEFAULT_LIST_LIMIT;
  if (limitText !== null) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > SORA1_MAX_LIST_LIMIT)
      throw badRequest(
        'limit',
        `Invalid limit '${limitText}': must be an integer between 1 and ${SORA1_MAX_LIST_LIMIT}.`,
      );
    limit = Number(limitText);
  }
  const statuses = query
    .getAll('statuses')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const status of statuses) {
    if (!(SORA1_JOB_STATUSES as readonly string[]).includes(status))
      throw badRequest(
        'statuses',
        `Invalid status '${status}': expected one of ${SORA1_JOB_STATUSES.join(', ')}.`,
      );
  }
  const after = query.get('after');
  const before = query.get('before');
  return {
    kind: 'sora1',
    order: 'desc',
    limit,
    ...(statuses.length === 0 ? {} : { statuses: statuses as Sora1JobStatus[] }),
    ...(after === null || after === '' ? {} : { after }),
    ...(before === null || before === '' ? {} : { before }),
  };
}
