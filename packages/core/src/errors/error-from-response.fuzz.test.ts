import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorFromResponse, VideoApiError } from './index.js';

describe('errorFromResponse on arbitrary input', () => {
  it('never throws and always returns a VideoApiError with the given status', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.oneof(fc.anything(), fc.json(), fc.string()),
        fc.dictionary(
          fc.constantFrom('retry-after', 'retry-after-ms', 'x-should-retry', 'x-request-id'),
          fc.string(),
        ),
        (status, body, headers) => {
          const error = errorFromResponse({ status, body, headers });
          expect(VideoApiError.isInstance(error)).toBe(true);
          expect(error.status).toBe(status);
          expect(typeof error.message).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});
