import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ExpiredError,
  JobFailedError,
  ModelRetiredError,
  NotFoundError,
  QuotaExceededError,
  ServiceRetiredError,
  SoraKitError,
  TimeoutError,
  UnsupportedCapabilityError,
  ValidationError,
  VideoApiError,
} from './index.js';

const classes = {
  SoraKitError,
  ValidationError,
  UnsupportedCapabilityError,
  VideoApiError,
  QuotaExceededError,
  NotFoundError,
  ServiceRetiredError,
  ModelRetiredError,
  ExpiredError,
  JobFailedError,
  TimeoutError,
  AbortedError,
} as const;
type ClassName = keyof typeof classes;

const samples: Record<ClassName, SoraKitError> = {
  SoraKitError: new SoraKitError({ message: 'base' }),
  ValidationError: new ValidationError({
    issues: [{ field: 'seconds', value: 7, allowed: [4, 8, 12], backend: 'openai-sora2', message: 'bad' }],
  }),
  UnsupportedCapabilityError: new UnsupportedCapabilityError({ backend: 'azure-sora1', capability: 'remix' }),
  VideoApiError: new VideoApiError({ message: 'boom', status: 500 }),
  QuotaExceededError: new QuotaExceededError({
    message: 'slow down',
    reason: 'concurrency',
    retryAfterMs: 10,
  }),
  NotFoundError: new NotFoundError({ message: 'no such video' }),
  ServiceRetiredError: new ServiceRetiredError({ message: 'shut down', backend: 'openai-sora2' }),
  ModelRetiredError: new ModelRetiredError({ message: 'retired', model: 'sora-2' }),
  ExpiredError: new ExpiredError({ jobId: 'video_1', expiresAt: new Date(0) }),
  JobFailedError: new JobFailedError({ jobId: 'task_1', code: 'input_moderation' }),
  TimeoutError: new TimeoutError({ timeoutMs: 1000, jobId: 'video_1' }),
  AbortedError: new AbortedError({ reason: 'user', jobId: 'video_1' }),
};

/** Which classes each sample must be recognised as (itself plus its ancestors). */
const ancestry: Record<ClassName, ClassName[]> = {
  SoraKitError: ['SoraKitError'],
  ValidationError: ['SoraKitError', 'ValidationError'],
  UnsupportedCapabilityError: ['SoraKitError', 'UnsupportedCapabilityError'],
  VideoApiError: ['SoraKitError', 'VideoApiError'],
  QuotaExceededError: ['SoraKitError', 'VideoApiError', 'QuotaExceededError'],
  NotFoundError: ['SoraKitError', 'VideoApiError', 'NotFoundError'],
  ServiceRetiredError: ['SoraKitError', 'VideoApiError', 'ServiceRetiredError'],
  ModelRetiredError: ['SoraKitError', 'VideoApiError', 'ServiceRetiredError', 'ModelRetiredError'],
  ExpiredError: ['SoraKitError', 'ExpiredError'],
  JobFailedError: ['SoraKitError', 'JobFailedError'],
  TimeoutError: ['SoraKitError', 'TimeoutError'],
  AbortedError: ['SoraKitError', 'AbortedError'],
};

describe('isInstance', () => {
  for (const [sampleName, sample] of Object.entries(samples) as [ClassName, SoraKitError][]) {
    it(`${sampleName} is recognised exactly by itself and its ancestors`, () => {
      for (const [className, errorClass] of Object.entries(classes) as [ClassName, typeof SoraKitError][]) {
        expect([className, errorClass.isInstance(sample)]).toEqual([
          className,
          ancestry[sampleName].includes(className),
        ]);
      }
      expect(sample).toBeInstanceOf(Error);
      expect(sample.name).toBe(sampleName);
    });
  }

  it('rejects non-errors and look-alikes', () => {
    for (const value of [
      null,
      undefined,
      0,
      'VideoApiError',
      {},
      new Error('x'),
      { name: 'VideoApiError' },
    ]) {
      expect(VideoApiError.isInstance(value)).toBe(false);
      expect(SoraKitError.isInstance(value)).toBe(false);
    }
    expect(SoraKitError.isInstance({ [Symbol.for('sora-kit.error')]: 'yes' })).toBe(false);
  });

  it('works across a duplicated copy of the package (a second module instance)', async () => {
    vi.resetModules();
    const copy = await import('./index.js');
    expect(copy.VideoApiError).not.toBe(VideoApiError);
    const foreign = new copy.QuotaExceededError({ message: 'x', reason: 'rate' });
    expect(foreign instanceof QuotaExceededError).toBe(false);
    expect(QuotaExceededError.isInstance(foreign)).toBe(true);
    expect(VideoApiError.isInstance(foreign)).toBe(true);
    expect(NotFoundError.isInstance(foreign)).toBe(false);
    expect(copy.QuotaExceededError.isInstance(samples.QuotaExceededError)).toBe(true);
  });

  it('works for a class defined separately with the same Symbol.for marker', () => {
    const base: unique symbol = Symbol.for('sora-kit.error') as never;
    const api: unique symbol = Symbol.for('sora-kit.error.VideoApiError') as never;
    const notFound: unique symbol = Symbol.for('sora-kit.error.NotFoundError') as never;
    class ForeignNotFound extends Error {
      readonly [base] = true;
      readonly [api] = true;
      readonly [notFound] = true;
    }
    const foreign = new ForeignNotFound('gone');
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(VideoApiError.isInstance(foreign)).toBe(true);
    expect(ModelRetiredError.isInstance(foreign)).toBe(false);
  });
});

describe('fields and defaults', () => {
  it('VideoApiError is retryable by default on 408, 409, 429 and >= 500 only', () => {
    const retryable = (status: number) => new VideoApiError({ message: 'x', status }).isRetryable;
    expect([400, 401, 403, 404, 407, 408, 409, 410, 422, 429, 499, 500, 502, 503].map(retryable)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(new VideoApiError({ message: 'x', status: 500, isRetryable: false }).isRetryable).toBe(false);
  });

  it('QuotaExceededError defaults to 429, retryable unless billing', () => {
    const rate = new QuotaExceededError({ message: 'x' });
    expect([rate.status, rate.reason, rate.isRetryable, rate.retryAfterMs]).toEqual([
      429,
      'rate',
      true,
      undefined,
    ]);
    expect(new QuotaExceededError({ message: 'x', reason: 'billing' }).isRetryable).toBe(false);
  });

  it('ModelRetiredError is never retryable; NotFoundError is 404', () => {
    expect(new ModelRetiredError({ message: 'x', status: 404, isRetryable: true }).isRetryable).toBe(false);
    expect(new ModelRetiredError({ message: 'x' }).status).toBe(410);
    expect(new NotFoundError({ message: 'x' }).status).toBe(404);
  });

  it('ValidationError exposes its first issue and joins all messages', () => {
    const error = new ValidationError({
      issues: [
        { field: 'seconds', value: 7, allowed: [4, 8, 12], backend: 'openai-sora2', message: 'first' },
        { field: 'size', value: '1x1', backend: 'openai-sora2', message: 'second' },
      ],
    });
    expect([error.field, error.value, error.allowed, error.backend, error.message]).toEqual([
      'seconds',
      7,
      [4, 8, 12],
      'openai-sora2',
      'first; second',
    ]);
  });

  it('JobFailedError infers moderation from the code', () => {
    const moderated = [
      'input_moderation',
      'output_moderation',
      'moderation_blocked',
      'ResponsibleAIPolicyViolation',
    ];
    for (const code of moderated) expect(new JobFailedError({ jobId: 'j', code }).moderation).toBe(true);
    expect(new JobFailedError({ jobId: 'j', code: 'internal_error' }).moderation).toBe(false);
    expect(new JobFailedError({ jobId: 'j', code: 'internal_error', moderation: true }).moderation).toBe(
      true,
    );
  });

  it('messages name the subject', () => {
    expect(samples.UnsupportedCapabilityError.message).toBe('remix is not supported on azure-sora1');
    expect(samples.TimeoutError.message).toBe('timed out after 1000 ms waiting for video_1');
    expect(samples.ExpiredError.message).toBe('job video_1 has expired (at 1970-01-01T00:00:00.000Z)');
    expect((samples.AbortedError as AbortedError).reason).toBe('user');
    expect(new SoraKitError({ message: 'x', cause: 'why' }).cause).toBe('why');
  });
});
