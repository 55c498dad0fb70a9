import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from './errors.js';
import { DEFAULT_QUOTA, parseQuotaSpec, validateQuotaPolicy } from './quota-policy.js';

describe('parseQuotaSpec', () => {
  it.each([
    ['concurrent:2', { mode: 'concurrent', maxConcurrent: 2 }],
    ['CONCURRENT:5', { mode: 'concurrent', maxConcurrent: 5 }],
    ['rate:2/min', { mode: 'rate', limit: 2, windowMs: 60_000 }],
    ['rate:5/30s', { mode: 'rate', limit: 5, windowMs: 30_000 }],
    ['rate:100/h', { mode: 'rate', limit: 100, windowMs: 3_600_000 }],
    [' none ', { mode: 'none' }],
  ])('parses %s', (spec, expected) => {
    expect(parseQuotaSpec(spec)).toEqual(expected);
  });

  it.each([
    '',
    'concurrent:0',
    'concurrent:-1',
    'concurrent:1.5',
    'rate:2',
    'rate:2/fortnight',
    'rate:0/min',
    'x',
  ])('refuses %j with a typed error', (spec) => {
    expect(() => parseQuotaSpec(spec)).toThrow(InvalidConfigError);
  });

  it('defaults to two concurrent jobs and validates policies', () => {
    expect(DEFAULT_QUOTA).toEqual({ mode: 'concurrent', maxConcurrent: 2 });
    expect(() => validateQuotaPolicy({ mode: 'rate', limit: 2, windowMs: 0 })).toThrow(InvalidConfigError);
    expect(() => validateQuotaPolicy({ mode: 'concurrent', maxConcurrent: 0 })).toThrow(InvalidConfigError);
  });
});
