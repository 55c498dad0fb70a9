import { JobFailedError, ValidationError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { withHint } from './error-hint.js';
import { errorMessage, errorToJson } from './report-error.js';

describe('report-error', () => {
  it('a failed job carries Video.error type, param and retry hint in --json', () => {
    const error = new JobFailedError({
      jobId: 'video_1',
      code: 'capacity_exceeded',
      message: 'busy',
      type: 'rate_limit_error',
      param: 'prompt',
      retryAfterMs: 30_000,
    });
    expect(errorToJson(error)).toEqual({
      type: 'JobFailedError',
      message: 'busy',
      jobId: 'video_1',
      code: 'capacity_exceeded',
      moderation: false,
      errorType: 'rate_limit_error',
      param: 'prompt',
      retryAfterMs: 30_000,
    });
  });

  it('a hint goes under the message and into the JSON document; the error keeps its type', () => {
    const error = withHint(
      new ValidationError({ issues: [{ field: 'seconds', value: 7, message: 'seconds: 7 is not allowed' }] }),
      'azure-sora1 accepts it',
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(errorMessage(error)).toBe('seconds: 7 is not allowed\nazure-sora1 accepts it');
    expect(errorToJson(error)).toMatchObject({ type: 'ValidationError', hint: 'azure-sora1 accepts it' });
    expect(errorMessage(new Error('plain'))).toBe('plain');
  });
});
