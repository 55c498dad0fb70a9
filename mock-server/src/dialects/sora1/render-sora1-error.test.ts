import { sora1WrappedErrorSchema } from '@sora-kit/core/wire';
import { describe, expect, it } from 'vitest';
import { InvalidStateError, JobNotFoundError, QuotaExceededError } from '../../engine/index.js';
import { BodyError, WireError } from '../../http/index.js';
import { renderSora1Error } from './render-sora1-error.js';

describe('renderSora1Error', () => {
  it('renders every kind of error in the wrapped Azure envelope', () => {
    const cases: Array<[unknown, number]> = [
      [new JobNotFoundError('task_1', 'deleted'), 404],
      [new QuotaExceededError(1500, 'concurrent', 2), 429],
      [new InvalidStateError('task_1', 'succeeded', 'cancel'), 400],
      [new BodyError('too_large', 'too big', 10), 413],
      [new BodyError('invalid_json', 'bad json'), 400],
      [
        new WireError({
          status: 503,
          message: 'injected',
          code: 'overloaded',
          headers: { 'retry-after': '1' },
        }),
        503,
      ],
      [new TypeError('secret internals'), 500],
      ['a string', 500],
    ];
    for (const [error, status] of cases) {
      const answer = renderSora1Error(error);
      expect(answer.status).toBe(status);
      sora1WrappedErrorSchema.parse(answer.body);
    }
    expect(renderSora1Error(new QuotaExceededError(1500, 'concurrent', 2)).headers).toEqual({
      'retry-after': '2',
      'retry-after-ms': '1500',
    });
    expect(renderSora1Error(new JobNotFoundError('gen_1', 'expired')).body.error.message).toBe(
      "The specified generation 'gen_1' was not found (expired).",
    );
    expect(JSON.stringify(renderSora1Error(new TypeError('secret internals')).body)).not.toContain('secret');
  });
});
