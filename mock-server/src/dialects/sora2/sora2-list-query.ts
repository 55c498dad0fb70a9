/**
 * `GET /videos` query: `after`, `limit` (integer 0..100, default 20), `order` (`asc`|`desc`,
 * default `desc`).
 * @module
 */

import type { ListJobsOptions } from '../../engine/list-jobs.js';
import { invalidParam } from './sora2-errors.js';

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

/**
 * Parses the list query. @throws WireError 400 naming `limit` or `order`
 * @example
 * parseListQuery(new URL(c.req.url).searchParams); // { limit: 20, order: 'desc' }
 */
export function parseListQuery(query: URLSearchParams): ListJobsOptions & { limit: number } {
  const limitText = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (!/^-?\d+$/.test(limitText.trim())) {
      throw invalidParam(
        'limit',
        `Invalid 'limit': expected an integer, but got '${limitText}' instead.`,
        'invalid_type',
      );
    }
    limit = Number(limitText);
    if (limit < 0) {
      throw invalidParam(
        'limit',
        `Invalid 'limit': integer below minimum value. Expected a value >= 0, but got ${limit} instead.`,
        'integer_below_min_value',
      );
    }
    if (limit > MAX_LIMIT) {
      throw invalidParam(
        'limit',
        `Invalid 'limit': integer above maximum value. Expected a value <= ${MAX_LIMIT}, but got ${limit} instead.`,
        'integer_above_max_value',
      );
    }
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw invalidParam('order', `Invalid value: '${order}'. Supported values are: 'asc' and 'desc'.`);
  }
  const after = query.get('after');
  return { kind: 'sora2', limit, order, ...(after ? { after } : {}) };
}
