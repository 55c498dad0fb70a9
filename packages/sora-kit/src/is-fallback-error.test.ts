import {
  ModelRetiredError,
  NotFoundError,
  QuotaExceededError,
  ServiceRetiredError,
  ValidationError,
  VideoApiError,
} from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { isFallbackError } from './video-router.js';

describe('isFallbackError: when the router tries the next client', () => {
  it.each<[string, unknown, boolean]>([
    [
      'a full or over-quota service',
      new QuotaExceededError({ message: 'full', reason: 'concurrency' }),
      true,
    ],
    ['a retired model', new ModelRetiredError({ message: 'retired', model: 'sora-2' }), true],
    ['a retired service', new ServiceRetiredError({ message: 'gone', backend: 'openai-sora2' }), true],
    ['a 5xx after the client retries', new VideoApiError({ message: 'boom', status: 503 }), true],
    ['no answer (network)', new VideoApiError({ message: 'fetch failed', status: 0 }), true],
    ['a bad request', new VideoApiError({ message: 'bad', status: 400 }), false],
    ['a 404', new NotFoundError({ message: 'no such deployment' }), false],
    [
      'a validation error',
      new ValidationError({ issues: [{ field: 'seconds', value: 7, message: 'seconds: 7' }] }),
      false,
    ],
    ['anything else', new Error('bug'), false],
  ])('%s -> %s', (_name, error, expected) => {
    expect(isFallbackError(error)).toBe(expected);
  });
});
