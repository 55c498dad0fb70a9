/**
 * Remix a completed video (ruling 16): unfinished sources are refused, the new video links back.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { SORA2_DIALECTS } from './dialect-groups.js';

/** Sora 2 only: remix before completion -> 400; after -> a new video with `remixed_from_video_id`. */
export const remix = defineScenario({
  name: 'remix',
  description: 'remix of an unfinished video -> 400; of a completed one -> a new video that completes',
  dialects: SORA2_DIALECTS,
  jobs: 2,
  async run(ctx) {
    const small = ctx.sora2.smallest();
    const source = ctx.expectStatus(
      await ctx.sora2.create({ prompt: ctx.prompt('a cat on a stage'), ...small }),
      200,
    );
    ctx.expectError(
      await ctx.sora2.remix(source.id, { prompt: 'the cat bows' }, { expectRejection: true }),
      400,
    );
    const done = await ctx.sora2.waitForSettled(source.id);
    ctx.expectEqual(done.status, 'completed', 'source status');
    const remixed = ctx.expectStatus(
      await ctx.sora2.remix(source.id, { prompt: ctx.prompt('the cat bows') }),
      200,
    );
    ctx.expectEqual(remixed.remixed_from_video_id, source.id, 'remixed_from_video_id');
    ctx.check(remixed.id !== source.id, 'a remix is a new video');
    ctx.expectEqual(remixed.size, source.size, 'remix keeps size');
    ctx.expectEqual(remixed.seconds, source.seconds, 'remix keeps seconds');
    const finished = await ctx.sora2.waitForSettled(remixed.id);
    ctx.expectEqual(finished.status, 'completed', 'remix status');
  },
});
