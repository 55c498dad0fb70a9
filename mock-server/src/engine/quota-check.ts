/**
 * The quota decision for one create, derived from the existing records and the clock.
 * @module
 */

import { QuotaExceededError } from './errors.js';
import { isSettledPhase } from './job-phase.js';
import type { JobRecord } from './job-record.js';
import { deriveJobState } from './job-state.js';
import type { QuotaPolicy } from './quota-policy.js';

/**
 * Returns the refusal for a create at `now`, or null when a slot is free. `records` are the
 * jobs of one partition and family (tombstones included: rate quotas count deleted jobs' requests).
 * Concurrent mode counts jobs unfinished at `now`; cancelled, failed, succeeded, deleted and
 * expired jobs free their slot. `retryAfterMs` is the time until the earliest slot frees.
 */
export function checkQuota(
  records: readonly JobRecord[],
  now: number,
  policy: QuotaPolicy,
): QuotaExceededError | null {
  if (policy.mode === 'none') return null;
  if (policy.mode === 'concurrent') {
    const settleTimes: number[] = [];
    for (const record of records) {
      const state = deriveJobState(record, now);
      if (state.kind === 'present' && !isSettledPhase(state.phase)) {
        settleTimes.push(Math.min(state.settlesAt, state.expiresAt ?? Number.POSITIVE_INFINITY));
      }
    }
    if (settleTimes.length < policy.maxConcurrent) return null;
    settleTimes.sort((a, b) => a - b);
    const frees = settleTimes[settleTimes.length - policy.maxConcurrent] ?? now + 1;
    return new QuotaExceededError(Math.max(1, frees - now), 'concurrent', policy.maxConcurrent);
  }
  const windowStart = now - policy.windowMs;
  const inWindow = records
    .map((record) => record.createdAt)
    .filter((createdAt) => createdAt > windowStart)
    .sort((a, b) => a - b);
  if (inWindow.length < policy.limit) return null;
  const leaves = inWindow[inWindow.length - policy.limit] ?? now;
  return new QuotaExceededError(Math.max(1, leaves + policy.windowMs - now), 'rate', policy.limit);
}
