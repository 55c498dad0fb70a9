import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_OPTIONS } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per retry up to maxDelayMs', () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, jitter: 'none' as const, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, options, () => 0.5))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('applies full jitter with the injected random', () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1000 };
    expect(backoffDelay(2, options, () => 0.25)).toBe(500);
    expect(backoffDelay(2, options, () => 0)).toBe(0);
    expect(backoffDelay(2, options, () => 0.999)).toBeLessThan(2000);
  });
});
