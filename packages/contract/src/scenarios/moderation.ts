/**
 * A prompt the moderation system blocks: accepted, then failed with the dialect's moderation code.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { ALL_DIALECTS } from './dialect-groups.js';

/** Emulator-only: a moderation word makes the job fail at progress 0. */
export const moderation = defineScenario({
  name: 'moderation',
  description: 'a blocked prompt ends failed: moderation_blocked (Sora 2), input_moderation (Sora 1)',
  dialects: ALL_DIALECTS,
  emulatorOnly: true,
  jobs: 1,
  async run(ctx) {
    await ctx.control('/faults', { type: 'moderation', words: [ctx.token] });
    try {
      const prompt = ctx.prompt('a quiet meadow');
      if (ctx.dialect === 'sora1-azure') {
        const job = ctx.expectStatus(await ctx.sora1.create({ prompt, ...ctx.sora1.smallest() }), [200, 201]);
        const done = await ctx.sora1.waitForSettled(job.id);
        ctx.expectEqual(done.status, 'failed', 'settled status');
        ctx.expectEqual(done.failure_reason, 'input_moderation', 'failure_reason');
        return;
      }
      const video = ctx.expectStatus(await ctx.sora2.create({ prompt, ...ctx.sora2.smallest() }), 200);
      const done = await ctx.sora2.waitForSettled(video.id);
      ctx.expectEqual(done.status, 'failed', 'settled status');
      ctx.expectEqual(done.error?.code, 'moderation_blocked', 'error.code');
    } finally {
      await ctx.control('/faults', { type: 'moderation', words: [] });
    }
  },
});
