/**
 * Each dialect sees only its own kind of job. On the Azure host one key owns both Sora 1 jobs
 * and Sora 2 videos; every route of each dialect, given the other kind's id, answers 404 in its
 * own envelope and leaves the other job untouched. Over real HTTP.
 */
import {
  sora1JobListSchema,
  sora1JobSchema,
  sora1WrappedErrorSchema,
  sora2ErrorResponseSchema,
  sora2VideoListSchema,
  sora2VideoSchema,
} from '@sora-kit/core/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorServer } from '../emulator.js';

const KEY = 'isolation-key';
const PARTITION = `azure:${KEY}`;
const JOBS = '/openai/v1/video/generations/jobs';
const Q = '?api-version=preview';

let emulator: Emulator;
let server: EmulatorServer;
let taskId: string;
let generationId: string;
let videoId: string;

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { 'api-key': KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  emulator = createEmulator({ clock: 'manual', seed: 'isolation' });
  server = await emulator.listen(0);
  const job = sora1JobSchema.parse(
    await (
      await call('POST', `${JOBS}${Q}`, { model: 'sora', prompt: 'a lake', width: 480, height: 480 })
    ).json(),
  );
  taskId = job.id;
  const video = sora2VideoSchema.parse(
    await (await call('POST', '/openai/v1/videos', { prompt: 'a balloon', model: 'sora-2' })).json(),
  );
  videoId = video.id;
  emulator.clock.advance(3_600_000);
  const settled = sora1JobSchema.parse(await (await call('GET', `${JOBS}/${taskId}${Q}`)).json());
  generationId = settled.generations[0]?.id ?? '';
  expect(settled.status).toBe('succeeded');
  expect(generationId).toMatch(/^gen_/);
});
afterAll(() => emulator.close());

describe('Azure Sora 2 routes never act on a Sora 1 job', () => {
  const sora2Cases = (prefix: string) => [
    ['GET', `${prefix}/videos/{task}`],
    ['DELETE', `${prefix}/videos/{task}`],
    ['GET', `${prefix}/videos/{task}/content`],
    ['GET', `${prefix}/videos/{task}/content?variant=thumbnail`],
    ['GET', `${prefix}/videos/{task}/content?variant=spritesheet`],
    ['POST', `${prefix}/videos/{task}/remix`],
    ['GET', `${prefix}/videos/{gen}`],
  ];
  it.each([...sora2Cases('/openai/v1'), ...sora2Cases('/openai')])(
    '%s %s answers 404 in the OpenAI envelope',
    async (method, template) => {
      const path = template.replace('{task}', taskId).replace('{gen}', generationId);
      const res = await call(method, path, method === 'POST' ? { prompt: 'again' } : undefined);
      expect(res.status).toBe(404);
      const body = sora2ErrorResponseSchema.parse(await res.json());
      expect(body.error.message).toContain('not found');
      const job = emulator.engine.getJob(PARTITION, taskId, 'sora1');
      expect(job.phase).toBe('succeeded');
      expect(job.job.deletedAt).toBeUndefined();
    },
  );

  it('the list shows only videos, and a task id is no cursor', async () => {
    const list = sora2VideoListSchema.parse(await (await call('GET', '/openai/v1/videos')).json());
    expect(list.data.map((v) => v.id)).toEqual([videoId]);
    const res = await call('GET', `/openai/v1/videos?after=${taskId}`);
    expect(res.status).toBe(400);
    expect(sora2ErrorResponseSchema.parse(await res.json()).error.param).toBe('after');
  });

  it('DELETE of an unfinished Sora 1 job through Sora 2 does not cancel it', async () => {
    const job = sora1JobSchema.parse(
      await (
        await call('POST', `${JOBS}${Q}`, { model: 'sora', prompt: 'unfinished', width: 480, height: 480 })
      ).json(),
    );
    const res = await call('DELETE', `/openai/v1/videos/${job.id}`);
    expect(res.status).toBe(404);
    const after = sora1JobSchema.parse(await (await call('GET', `${JOBS}/${job.id}${Q}`)).json());
    expect(after.status).not.toBe('cancelled');
    emulator.clock.advance(3_600_000);
  });
});

describe('Sora 1 routes never act on a Sora 2 video', () => {
  it.each([
    ['GET', `${JOBS}/{video}${Q}`],
    ['DELETE', `${JOBS}/{video}${Q}`],
    ['GET', `/openai/v1/video/generations/{video}${Q}`],
    ['GET', `/openai/v1/video/generations/{video}/content/video${Q}`],
    ['GET', `/openai/v1/video/generations/{video}/content/thumbnail${Q}`],
  ])('%s %s answers 404 in the Azure envelope', async (method, template) => {
    const res = await call(method, template.replace('{video}', videoId));
    expect(res.status).toBe(404);
    const body = sora1WrappedErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('NotFound');
    const video = emulator.engine.getJob(PARTITION, videoId, 'sora2');
    expect(video.phase).toBe('succeeded');
    expect(video.job.deletedAt).toBeUndefined();
  });

  it('the list shows only jobs, and a video id is no cursor', async () => {
    const list = sora1JobListSchema.parse(await (await call('GET', `${JOBS}${Q}`)).json());
    expect(list.data.every((job) => job.id.startsWith('task_'))).toBe(true);
    const res = await call('GET', `${JOBS}${Q}&after=${videoId}`);
    expect(res.status).toBe(400);
    expect(sora1WrappedErrorSchema.parse(await res.json()).error.param).toBe('after');
  });
});
