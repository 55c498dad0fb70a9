/**
 * Edit a completed video by id (`POST /videos/edits`): unfinished and unknown sources are
 * refused; the edit has the source's size and seconds and completes. Azure serves no edits.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { SORA2_DIALECTS } from './dialect-groups.js';

const rejected = { expectRejection: true } as const;

/** Sora 2: edit of an unfinished video -> 400 `video`; unknown id -> 404; completed -> a new video. */
export const edit = defineScenario({
  name: 'edit',
  description:
    'edit of an unfinished video -> 400 param video, unknown id -> 404; of a completed one -> same size and seconds, completes (Azure: 404)',
  dialects: SORA2_DIALECTS,
  jobs: 2,
  async run(ctx) {
    if (ctx.dialect === 'sora2-azure') {
      // Microsoft documents no edits: Azure's 404 for a path it does not serve.
      ctx.expectError(
        await ctx.sora2.edit({ prompt: ctx.prompt('an edit'), videoId: 'video_unserved' }, rejected),
        404,
      );
      return;
    }
    const pending = ctx.expectStatus(
      await ctx.sora2.create({ prompt: ctx.prompt('a fox in the snow'), ...ctx.sora2.smallest() }),
      200,
    );
    ctx.expectError(
      await ctx.sora2.edit({ prompt: 'the fox turns red', videoId: pending.id }, rejected),
      400,
      { param: 'video' },
    );
    ctx.expectError(
      await ctx.sora2.edit({ prompt: 'the fox turns red', videoId: `video_missing${ctx.token}` }, rejected),
      404,
    );
    const source = await ctx.sora2.waitForSettled(pending.id);
    ctx.expectEqual(source.status, 'completed', 'source status');
    const edited = ctx.expectStatus(
      await ctx.sora2.edit({ prompt: ctx.prompt('the fox turns red'), videoId: source.id }),
      200,
    );
    ctx.check(edited.id !== source.id, 'an edit is a new video');
    ctx.expectEqual(edited.model, source.model, 'edit infers the model from the source');
    ctx.expectEqual(edited.size, source.size, 'edit keeps size');
    ctx.expectEqual(edited.seconds, source.seconds, 'edit keeps seconds');
    const finished = await ctx.sora2.waitForSettled(edited.id);
    ctx.expectEqual(finished.status, 'completed', 'edit status');
  },
});
