/**
 * 24 hours after its basis a job and its content are gone (ruling 12).
 * @module
 */
import { defineScenario } from '../scenario.js';
import { ALL_DIALECTS } from './dialect-groups.js';

const DAY_MS = 24 * 3_600_000;

/** Emulator-only: advance the clock past `expires_at`; GET and content answer 404 and lists skip the job. */
export const expiry = defineScenario({
  name: 'expiry',
  description: 'after expires_at the job and its content answer 404 and lists skip it',
  dialects: ALL_DIALECTS,
  emulatorOnly: true,
  jobs: 1,
  async run(ctx) {
    if (ctx.dialect === 'sora1-azure') {
      const job = ctx.expectStatus(
        await ctx.sora1.create({ prompt: ctx.prompt('a sandcastle'), ...ctx.sora1.smallest() }),
        [200, 201],
      );
      const done = await ctx.sora1.waitForSettled(job.id);
      const expiresAt = ctx.defined(done.expires_at, 'expires_at');
      ctx.expectEqual(
        expiresAt - ctx.defined(done.finished_at, 'finished_at'),
        86_400,
        'expires_at - finished_at',
      );
      const generation = ctx.defined(done.generations[0], 'a generation');
      await ctx.advance(DAY_MS + 60_000);
      ctx.expectError(await ctx.sora1.get(job.id), 404);
      ctx.expectError(await ctx.sora1.content(generation.id, 'video'), 404);
      const list = ctx.expectStatus(await ctx.sora1.list({ limit: 100 }), 200);
      ctx.check(!list.data.some((item) => item.id === job.id), 'an expired job is not listed');
      return;
    }
    const video = ctx.expectStatus(
      await ctx.sora2.create({ prompt: ctx.prompt('a sandcastle'), ...ctx.sora2.smallest() }),
      200,
    );
    const done = await ctx.sora2.waitForSettled(video.id);
    const expiresAt = ctx.defined(done.expires_at, 'expires_at');
    const basis =
      ctx.dialect === 'sora2-azure' ? done.created_at : ctx.defined(done.completed_at, 'completed_at');
    ctx.expectEqual(
      expiresAt - basis,
      86_400,
      `expires_at - ${ctx.dialect === 'sora2-azure' ? 'created_at' : 'completed_at'}`,
    );
    await ctx.advance(DAY_MS + 60_000);
    ctx.expectError(await ctx.sora2.get(video.id), 404);
    ctx.expectError(await ctx.sora2.content(video.id), 404);
    const list = ctx.expectStatus(await ctx.sora2.list({ limit: 100 }), 200);
    ctx.check(!list.data.some((item) => item.id === video.id), 'an expired video is not listed');
  },
});
