/**
 * A job that fails while running reports the failure in its dialect and has no content.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { ALL_DIALECTS } from './dialect-groups.js';

/** Emulator-only: a `job_failure` fault makes the next matching job fail at 40 %. */
export const failure = defineScenario({
  name: 'failure',
  description: 'an injected job failure surfaces as failed + error (Sora 2) or failure_reason (Sora 1)',
  dialects: ALL_DIALECTS,
  emulatorOnly: true,
  jobs: 1,
  async run(ctx) {
    await ctx.control('/faults', {
      type: 'job_failure',
      progress: 40,
      code: 'internal_error',
      message: 'contract: injected failure',
      match: { prompt_includes: ctx.token },
      times: 1,
    });
    const prompt = ctx.prompt('a storm over the sea');
    if (ctx.dialect === 'sora1-azure') {
      const job = ctx.expectStatus(await ctx.sora1.create({ prompt, ...ctx.sora1.smallest() }), [200, 201]);
      const done = await ctx.sora1.waitForSettled(job.id);
      ctx.expectEqual(done.status, 'failed', 'settled status');
      ctx.expectEqual(done.failure_reason, 'internal_error', 'failure_reason');
      ctx.expectEqual(done.generations.length, 0, 'generations of a failed job');
      return;
    }
    const video = ctx.expectStatus(await ctx.sora2.create({ prompt, ...ctx.sora2.smallest() }), 200);
    const done = await ctx.sora2.waitForSettled(video.id);
    ctx.expectEqual(done.status, 'failed', 'settled status');
    ctx.expectEqual(done.error?.code, 'internal_error', 'error.code');
    ctx.expectError(await ctx.sora2.content(video.id), 404);
  },
});
