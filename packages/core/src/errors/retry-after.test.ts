import { describe, expect, it } from 'vitest';
import { normalizeHeaders, parseRetryAfterMs } from './index.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms over retry-after', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, NOW)).toBe(250);
    expect(parseRetryAfterMs({ 'retry-after-ms': '12.5' }, NOW)).toBe(12.5);
  });

  it('reads retry-after as seconds (integer or decimal)', () => {
    expect(parseRetryAfterMs({ 'retry-after': '0' }, NOW)).toBe(0);
    expect(parseRetryAfterMs({ 'retry-after': '1.5' }, NOW)).toBe(1500);
  });

  it('reads retry-after as an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }, NOW)).toBe(60_000);
    expect(parseRetryAfterMs({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, NOW)).toBe(0);
  });

  it('ignores unparseable values and falls through from a bad retry-after-ms', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after-ms': '-5', 'retry-after': '3' }, NOW)).toBe(3000);
    expect(parseRetryAfterMs({}, NOW)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
  });

  it('accepts Headers, records and pairs with any casing', () => {
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': '4' }), NOW)).toBe(4000);
    expect(parseRetryAfterMs([['RETRY-AFTER-MS', '7']], NOW)).toBe(7);
    expect(normalizeHeaders({ 'Set-Cookie': ['a', 'b'], skipped: undefined })).toEqual({
      'set-cookie': 'a, b',
    });
  });
});
