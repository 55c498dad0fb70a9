import { readFileSync } from 'node:fs';
import { isModerationCode, SoraKitError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { mapSora1Job, mapSora1Status } from './map-sora1-job.js';

const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`./__fixtures__/azure-sora1-${name}.response.json`, import.meta.url), 'utf8'),
  );

describe('mapSora1Job', () => {
  it('reads a succeeded job with one output per generation', () => {
    const job = mapSora1Job(fixture('job-succeeded.third-party'));
    expect(job).toMatchObject({
      id: 'task_01jy98zkvpfb7909522ysd150a',
      backend: 'azure-sora1',
      status: 'completed',
      width: 1080,
      height: 1080,
      seconds: 5,
      variants: 1,
      model: 'my-sora-model',
      outputs: [
        { id: 'gen_01jy990gaxeayb74aq4hnbn2cp', width: 1080, height: 1080, seconds: 5, hasAudio: false },
      ],
    });
    expect(job.createdAt.toISOString()).toBe(new Date(1750510587_000).toISOString());
    expect(job.completedAt?.getTime()).toBe(1750510621_000);
    expect(job.expiresAt?.getTime()).toBe(1750597021_000);
    expect(job.error).toBeUndefined();
  });

  it.each([
    ['job-created', 'queued'],
    ['job-created-201.third-party', 'queued'],
    ['job-running.third-party', 'in_progress'],
  ])('reads %s as %s with no outputs and nulls tolerated', (name, status) => {
    const job = mapSora1Job(fixture(name));
    expect(job.status).toBe(status);
    expect(job.outputs).toEqual([]);
    expect(job.completedAt).toBeUndefined();
  });

  it('maps every Sora 1 status word; unknown words count as in progress', () => {
    expect(
      [
        'preprocessing',
        'queued',
        'running',
        'processing',
        'succeeded',
        'failed',
        'cancelled',
        'SUCCEEDED',
        'paused',
      ].map(mapSora1Status),
    ).toEqual([
      'queued',
      'queued',
      'in_progress',
      'in_progress',
      'completed',
      'failed',
      'cancelled',
      'completed',
      'in_progress',
    ]);
  });

  it('turns failure_reason into a job error that flags moderation', () => {
    const base = { id: 'task_1', status: 'failed', created_at: 1, width: 480, height: 480, n_seconds: 5 };
    const blocked = mapSora1Job({ ...base, failure_reason: 'input_moderation' });
    expect(blocked.error?.code).toBe('input_moderation');
    expect(isModerationCode(blocked.error?.code ?? '')).toBe(true);
    const internal = mapSora1Job({ ...base, failure_reason: 'internal_error' });
    expect(isModerationCode(internal.error?.code ?? '')).toBe(false);
    expect(mapSora1Job({ ...base, failure_reason: null }).error?.code).toBe('unknown');
  });

  it('accepts numbers sent as strings and refuses what is not a job', () => {
    const job = mapSora1Job({
      id: 'task_2',
      status: 'queued',
      n_seconds: '5',
      width: '854',
      height: '480',
      n_variants: '2',
    });
    expect([job.width, job.height, job.seconds, job.variants]).toEqual([854, 480, 5, 2]);
    expect(() => mapSora1Job({ status: 'queued' })).toThrow(SoraKitError);
    expect(() => mapSora1Job('nope')).toThrow(SoraKitError);
  });
});
