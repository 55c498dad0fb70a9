/**
 * Deleting jobs: Sora 2 only settled videos (ruling 13), Sora 1 any job (204, cancels unfinished).
 * @module
 */
import { defineScenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario-context.js';
import { ALL_DIALECTS } from './dialect-groups.js';

async function sora2(ctx: ScenarioContext): Promise<void> {
  const video = ctx.expectStatus(
    await ctx.sora2.create({ prompt: ctx.prompt('a lighthouse'), ...ctx.sora2.smallest() }),
    200,
  );
  ctx.expectError(await ctx.sora2.delete(video.id), 400, { type: 'invalid_request_error' });
  await ctx.sora2.waitForSettled(video.id);
  const deleted = ctx.expectStatus(await ctx.sora2.delete(video.id), 200);
  ctx.expectEqual(deleted.id, video.id, 'deleted id');
  ctx.expectEqual(deleted.deleted, true, 'deleted');
  ctx.expectError(await ctx.sora2.get(video.id), 404);
  ctx.expectError(await ctx.sora2.content(video.id), 404);
  ctx.expectError(await ctx.sora2.delete(video.id), 404);
}

async function sora1(ctx: ScenarioContext): Promise<void> {
  const job = ctx.expectStatus(
    await ctx.sora1.create({ prompt: ctx.prompt('a lighthouse'), ...ctx.sora1.smallest() }),
    [200, 201],
  );
  ctx.expectStatus(await ctx.sora1.delete(job.id), 204);
  const after = await ctx.sora1.get(job.id);
  if (after.status === 200)
    ctx.expectEqual(after.body?.status, 'cancelled', 'an unfinished job deleted is cancelled');
  else ctx.expectError(after, 404);
  if (after.status === 200) ctx.expectStatus(await ctx.sora1.delete(job.id), 204);
  ctx.expectError(await ctx.sora1.get(job.id), 404);
  ctx.expectError(await ctx.sora1.delete(job.id), 404);
}

/** Delete rules of each dialect, then 404 for the deleted job. */
export const deleteJob = defineScenario({
  name: 'delete',
  description:
    'Sora 2: unfinished -> 400, settled -> 200 video.deleted; Sora 1: 204 (cancels unfinished); then 404',
  dialects: ALL_DIALECTS,
  jobs: 1,
  run: (ctx) => (ctx.dialect === 'sora1-azure' ? sora1(ctx) : sora2(ctx)),
});
