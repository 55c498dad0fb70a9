import { describe, expect, it } from 'vitest';
import {
  type Sora1Job,
  type Sora2Video,
  sora1ErrorSchema,
  sora1FlatErrorSchema,
  sora1JobListSchema,
  sora1JobSchema,
  sora1WrappedErrorSchema,
  sora2CreateVideoBodySchema,
  sora2DeletedVideoSchema,
  sora2ErrorResponseSchema,
  sora2VideoListSchema,
  sora2VideoSchema,
} from './index.js';

const video: Sora2Video = {
  id: 'video_1',
  object: 'video',
  model: 'sora-2',
  status: 'completed',
  progress: 100,
  created_at: 1759774864,
  completed_at: 1759774941,
  expires_at: 1759861341,
  prompt: 'a red balloon',
  size: '1280x720',
  seconds: '8',
  remixed_from_video_id: null,
  error: null,
};

const job: Sora1Job = {
  object: 'video.generation.job',
  id: 'task_1',
  status: 'failed',
  created_at: 1,
  finished_at: 2,
  expires_at: 86402,
  generations: [],
  prompt: 'p',
  model: 'sora',
  n_variants: 1,
  n_seconds: 5,
  height: 480,
  width: 480,
  failure_reason: 'input_moderation',
};

describe('Sora 2 strict schemas', () => {
  it('accept a complete video, list and delete answer', () => {
    expect(sora2VideoSchema.parse(video)).toEqual(video);
    const failed = { ...video, status: 'failed', error: { code: 'moderation_blocked', message: 'blocked' } };
    expect(sora2VideoSchema.safeParse(failed).success).toBe(true);
    // openai-node 7.59.0 VideoCreateError: optional param, type (string or null), headers, misalignment.
    const newest = {
      ...failed,
      error: {
        code: 'moderation_blocked',
        message: 'blocked',
        param: null,
        type: null,
        headers: { 'retry-after': '30' },
        misalignment: { error_type: 'other', review_target: null, steer: { message: 'rephrase' } },
      },
    };
    expect(sora2VideoSchema.safeParse(newest).success).toBe(true);
    const wrong = { ...failed, error: { code: 'x', message: 'y', headers: { 'retry-after': 30 } } };
    expect(sora2VideoSchema.safeParse(wrong).success).toBe(false);
    const list = { object: 'list', data: [video], first_id: 'video_1', last_id: 'video_1', has_more: false };
    expect(sora2VideoListSchema.safeParse(list).success).toBe(true);
    expect(sora2VideoListSchema.safeParse({ ...list, data: [], first_id: null, last_id: null }).success).toBe(
      true,
    );
    expect(
      sora2DeletedVideoSchema.safeParse({ id: 'video_1', object: 'video.deleted', deleted: true }).success,
    ).toBe(true);
  });

  it('reject unknown fields, missing nullable fields, integer seconds and unknown statuses', () => {
    const { error: _omitted, ...withoutError } = video;
    const bad: unknown[] = [
      { ...video, quality: 'standard' },
      withoutError,
      { ...video, seconds: 8 },
      { ...video, status: 'succeeded' },
      { ...video, progress: 101 },
      { ...video, size: '1280*720' },
      { ...video, error: { code: 'x' } },
    ];
    for (const value of bad) expect(sora2VideoSchema.safeParse(value).success).toBe(false);
  });

  it('error envelope: all four fields, nullable code and param', () => {
    const body = {
      error: { message: 'Video not found', type: 'invalid_request_error', param: null, code: null },
    };
    expect(sora2ErrorResponseSchema.safeParse(body).success).toBe(true);
    expect(sora2ErrorResponseSchema.safeParse({ error: { message: 'x', type: 't' } }).success).toBe(false);
  });

  it('create body: exactly one of image_url or file_id', () => {
    expect(
      sora2CreateVideoBodySchema.safeParse({ prompt: 'p', seconds: '8', size: '1280x720' }).success,
    ).toBe(true);
    expect(
      sora2CreateVideoBodySchema.safeParse({
        prompt: 'p',
        input_reference: { image_url: 'data:image/png;base64,AA' },
      }).success,
    ).toBe(true);
    for (const input_reference of [{}, { image_url: 'https://x', file_id: 'file_1' }]) {
      expect(sora2CreateVideoBodySchema.safeParse({ prompt: 'p', input_reference }).success).toBe(false);
    }
    expect(sora2CreateVideoBodySchema.safeParse({ prompt: '' }).success).toBe(false);
    expect(sora2CreateVideoBodySchema.safeParse({ prompt: 'p', seconds: 8 }).success).toBe(false);
  });
});

describe('Sora 1 strict schemas', () => {
  it('accept a failed job and a list, reject missing nulls and unknown statuses', () => {
    expect(sora1JobSchema.parse(job)).toEqual(job);
    expect(sora1JobListSchema.safeParse({ object: 'list', data: [job], has_more: false }).success).toBe(true);
    const { failure_reason: _omitted, ...withoutReason } = job;
    for (const value of [
      withoutReason,
      { ...job, status: 'completed' },
      { ...job, extra: 1 },
      { ...job, n_seconds: '5' },
    ]) {
      expect(sora1JobSchema.safeParse(value).success).toBe(false);
    }
  });

  it('errors: the wrapped form (ruling 2 default) and the flat spec form', () => {
    const wrapped = {
      error: {
        code: 'too_many_running_tasks',
        message: 'Too many running tasks',
        param: null,
        type: 'error',
      },
    };
    const flat = {
      code: 'invalid_request',
      message: 'Video inpaint items must have clip start frame less than clip end frame.',
      param: 'inpaint_items',
      type: 'invalid_request_error',
      inner_error: { code: 'ResponsibleAIPolicyViolation' },
    };
    expect(sora1WrappedErrorSchema.safeParse(wrapped).success).toBe(true);
    expect(sora1FlatErrorSchema.safeParse(flat).success).toBe(true);
    expect(sora1ErrorSchema.safeParse(wrapped).success).toBe(true);
    expect(sora1ErrorSchema.safeParse(flat).success).toBe(true);
    expect(sora1ErrorSchema.safeParse({ ...flat, status: 400 }).success).toBe(false);
    expect(sora1WrappedErrorSchema.safeParse({ error: { code: null } }).success).toBe(false);
  });
});
