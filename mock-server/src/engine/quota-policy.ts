/**
 * Quota policies and the `--quota` spec parser. Quotas are counted per credential partition
 * and API family (`sora1` / `sora2`).
 * @module
 */

import { InvalidConfigError } from './errors.js';

/**
 * `concurrent`: at most `maxConcurrent` unfinished jobs (Sora 1 and Azure's first Sora 2 wording).
 * `rate`: at most `limit` accepted creates in any sliding `windowMs` (Azure's newer Sora 2 wording,
 * "two video job requests per minute"). `none`: unlimited.
 */
export type QuotaPolicy =
  | { readonly mode: 'concurrent'; readonly maxConcurrent: number }
  | { readonly mode: 'rate'; readonly limit: number; readonly windowMs: number }
  | { readonly mode: 'none' };

/** `concurrent:2`, the emulator default. */
export const DEFAULT_QUOTA: QuotaPolicy = { mode: 'concurrent', maxConcurrent: 2 };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

function positiveInteger(setting: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidConfigError(setting, `${setting}: expected a positive integer, got '${text}'`);
  }
  return value;
}

/**
 * Parses a quota spec: `concurrent:N`, `rate:N/UNIT` or `rate:N/<k><UNIT>` (UNIT: ms, s, sec, m,
 * min, h; e.g. `rate:2/min`, `rate:5/30s`), or `none`.
 * @throws InvalidConfigError on anything else
 * @example
 * parseQuotaSpec('rate:2/min'); // { mode: 'rate', limit: 2, windowMs: 60000 }
 */
export function parseQuotaSpec(spec: string): QuotaPolicy {
  const text = spec.trim().toLowerCase();
  if (text === 'none') return { mode: 'none' };
  const concurrent = /^concurrent:(\S+)$/.exec(text);
  if (concurrent) return { mode: 'concurrent', maxConcurrent: positiveInteger('quota', concurrent[1] ?? '') };
  const rate = /^rate:(\d+)\/(\d*)([a-z]+)$/.exec(text);
  const unit = rate ? UNIT_MS[rate[3] ?? ''] : undefined;
  if (rate && unit !== undefined) {
    const count = rate[2] ? positiveInteger('quota', rate[2]) : 1;
    return { mode: 'rate', limit: positiveInteger('quota', rate[1] ?? ''), windowMs: count * unit };
  }
  throw new InvalidConfigError(
    'quota',
    `quota: expected 'concurrent:N', 'rate:N/min' (or /s, /h, /30s) or 'none', got '${spec}'`,
  );
}

/** Checks a policy's numbers; returns it unchanged. @throws InvalidConfigError */
export function validateQuotaPolicy(policy: QuotaPolicy): QuotaPolicy {
  const ok = (n: number) => Number.isSafeInteger(n) && n >= 1;
  if (policy.mode === 'concurrent' && !ok(policy.maxConcurrent)) {
    throw new InvalidConfigError('quota', 'quota: maxConcurrent must be a positive integer');
  }
  if (policy.mode === 'rate' && (!ok(policy.limit) || !ok(policy.windowMs))) {
    throw new InvalidConfigError('quota', 'quota: limit and windowMs must be positive integers');
  }
  return policy;
}
