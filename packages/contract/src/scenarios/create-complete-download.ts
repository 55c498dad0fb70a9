/**
 * A job is created, completes, and its video (MP4) and thumbnail download.
 * @module
 */
import { expectJpeg, expectMp4, expectWebp } from '../media-checks.js';
import { defineScenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario-context.js';
import { ALL_DIALECTS } from './dialect-groups.js';

async function sora2(ctx: ScenarioContext): Promise<void> {
  const small = ctx.sora2.smallest();
  const video = ctx.expectStatus(
    await ctx.sora2.create({ prompt: ctx.prompt('a red balloon over a lake'), ...small }),
    200,
  );
  ctx.check(
    video.status === 'queued' || video.status === 'in_progress',
    `new video status is ${video.status}`,
  );
  ctx.expectEqual(video.size, small.size, 'size echo');
  ctx.expectEqual(video.seconds, small.seconds, 'seconds echo');
  ctx.expectEqual(video.model, small.model, 'model echo');
  ctx.expectEqual(video.completed_at, null, 'completed_at of a new video');
  ctx.expectError(await ctx.sora2.content(video.id), 404);
  const done = await ctx.sora2.waitForSettled(video.id);
  ctx.expectEqual(done.status, 'completed', 'settled status');
  ctx.expectEqual(done.progress, 100, 'progress when completed');
  ctx.expectEqual(done.error, null, 'error of a completed video');
  ctx.check(
    done.completed_at !== null && done.expires_at !== null,
    'completed_at and expires_at are set when completed',
  );
  const mp4 = await ctx.sora2.content(video.id);
  ctx.expectStatus(mp4, 200);
  ctx.expectEqual(mp4.contentType, 'video/mp4', 'video content-type');
  expectMp4(mp4.bytes, 'video content');
  const thumbnail = await ctx.sora2.content(video.id, 'thumbnail');
  ctx.expectStatus(thumbnail, 200);
  ctx.expectEqual(thumbnail.contentType, 'image/webp', 'thumbnail content-type');
  expectWebp(thumbnail.bytes, 'thumbnail');
}

async function sora1(ctx: ScenarioContext): Promise<void> {
  const small = ctx.sora1.smallest();
  const job = ctx.expectStatus(
    await ctx.sora1.create({ prompt: ctx.prompt('a red balloon over a lake'), ...small }),
    [200, 201],
  );
  ctx.check(job.status !== 'succeeded' && job.status !== 'failed', `new job status is ${job.status}`);
  ctx.expectEqual(job.generations.length, 0, 'generations of a new job');
  ctx.expectEqual(job.finished_at, null, 'finished_at of a new job');
  ctx.expectEqual(job.model, small.model, 'model echo');
  const done = await ctx.sora1.waitForSettled(job.id);
  ctx.expectEqual(done.status, 'succeeded', 'settled status');
  ctx.expectEqual(done.generations.length, small.n_variants, 'generations per variant');
  ctx.check(
    done.finished_at !== null && done.expires_at !== null,
    'finished_at and expires_at are set when succeeded',
  );
  const first = ctx.defined(done.generations[0], 'a generation');
  const generation = ctx.expectStatus(await ctx.sora1.generation(first.id), 200);
  ctx.expectEqual(generation.job_id, job.id, 'generation job_id');
  const mp4 = await ctx.sora1.content(first.id, 'video');
  ctx.expectStatus(mp4, 200);
  ctx.expectEqual(mp4.contentType, 'video/mp4', 'video content-type');
  expectMp4(mp4.bytes, 'video content');
  ctx.expectEqual(mp4.headers.get('content-length'), String(mp4.bytes?.length), 'video content-length');
  const thumbnail = await ctx.sora1.content(first.id, 'thumbnail');
  ctx.expectStatus(thumbnail, 200);
  ctx.check(
    ['image/jpg', 'image/jpeg'].includes(thumbnail.contentType),
    `thumbnail content-type ${thumbnail.contentType}`,
  );
  expectJpeg(thumbnail.bytes, 'thumbnail');
  const head = await ctx.sora1.content(first.id, 'video', { method: 'HEAD' });
  ctx.expectStatus(head, 200);
  ctx.check(head.headers.get('content-length') !== null, 'HEAD answers content-length');
}

/** create -> poll -> completed -> download the MP4 (`ftyp`, content-type) and the thumbnail. */
export const createCompleteDownload = defineScenario({
  name: 'create-complete-download',
  description: 'a job is created, completes, and its MP4 and thumbnail download',
  dialects: ALL_DIALECTS,
  jobs: 1,
  run: (ctx) => (ctx.dialect === 'sora1-azure' ? sora1(ctx) : sora2(ctx)),
});
