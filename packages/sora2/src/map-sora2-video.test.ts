import { readFileSync } from 'node:fs';
import { SoraKitError } from '@sora-kit/core';
import { describe, expect, it } from 'vitest';
import { mapSora2Status, mapSora2Video } from './map-sora2-video.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`./__fixtures__/openai-video-${name}.example.json`, import.meta.url), 'utf8'),
  );

describe('mapSora2Video', () => {
  it('reads the guide in-progress example, tolerating missing nullable fields', () => {
    const job = mapSora2Video(fixture('guide-in-progress.response'), 'openai-sora2');
    expect(job).toMatchObject({
      status: 'in_progress',
      progress: 33,
      width: 1280,
      height: 720,
      seconds: 8,
      model: 'sora-2-pro',
      outputs: [],
    });
    expect(job.completedAt).toBeUndefined();
  });

  it('reads the create and remix examples (unknown fields such as quality pass)', () => {
    const created = mapSora2Video(fixture('create.response'), 'azure-sora2');
    expect(created.backend).toBe('azure-sora2');
    expect(created.status).toBe('queued');
    const remix = mapSora2Video(fixture('remix.response'), 'openai-sora2');
    expect(remix.remixedFromId).toBe('video_123');
  });

  it('a completed video has one output with audio; a partial list item still reads', () => {
    const list = fixture('list.response') as { data: unknown[] };
    const job = mapSora2Video(list.data[0], 'openai-sora2');
    expect(job.status).toBe('completed');
    expect(job.outputs).toEqual([{ id: 'video_123', width: 0, height: 0, seconds: 0, hasAudio: true }]);
    const full = mapSora2Video(
      {
        id: 'video_1',
        status: 'completed',
        size: '720x1280',
        seconds: '12',
        created_at: 10,
        completed_at: 20,
        expires_at: 86_420,
      },
      'openai-sora2',
    );
    expect(full.outputs).toEqual([{ id: 'video_1', width: 720, height: 1280, seconds: 12, hasAudio: true }]);
    expect(full.expiresAt?.getTime()).toBe(86_420_000);
  });

  it('keeps the failure code and message', () => {
    const job = mapSora2Video(
      {
        id: 'video_2',
        status: 'failed',
        error: { code: 'moderation_blocked', message: 'blocked by moderation' },
      },
      'openai-sora2',
    );
    expect(job.error).toEqual({ code: 'moderation_blocked', message: 'blocked by moderation' });
    expect(mapSora2Video({ id: 'video_3', status: 'failed', error: null }, 'openai-sora2').error?.code).toBe(
      'unknown',
    );
  });

  it('keeps the newest SDK fields of Video.error (type, param, retry headers); tolerates odd ones', () => {
    const job = mapSora2Video(
      {
        id: 'video_4',
        status: 'failed',
        error: {
          code: 'invalid_input',
          message: 'the reference image could not be read',
          type: 'invalid_request_error',
          param: 'input_reference',
          headers: { 'Retry-After-Ms': '1500' },
        },
      },
      'openai-sora2',
    );
    expect(job.error).toEqual({
      code: 'invalid_input',
      message: 'the reference image could not be read',
      type: 'invalid_request_error',
      param: 'input_reference',
      headers: { 'retry-after-ms': '1500' },
      retryAfterMs: 1500,
    });
    const odd = mapSora2Video(
      {
        id: 'video_5',
        status: 'failed',
        error: { code: 'internal_error', message: 'x', type: null, param: 7, headers: 'soon' },
      },
      'openai-sora2',
    );
    expect(odd.error).toEqual({ code: 'internal_error', message: 'x' });
  });

  it('maps statuses and refuses what is not a video', () => {
    expect(['queued', 'in_progress', 'completed', 'failed', 'rendering'].map(mapSora2Status)).toEqual([
      'queued',
      'in_progress',
      'completed',
      'failed',
      'in_progress',
    ]);
    expect(() => mapSora2Video({ object: 'video' }, 'openai-sora2')).toThrow(SoraKitError);
  });
});
