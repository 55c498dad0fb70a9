/**
 * The source of the edit, extension and character scenarios: one cheapest video, created and
 * waited for until it completes.
 * @module
 */
import type { Sora2Video } from '@sora-kit/core/wire';
import type { ScenarioContext } from '../scenario-context.js';

/** Creates the cheapest Sora 2 video with `prompt` and waits until it is `completed`. */
export async function completedSource(ctx: ScenarioContext, prompt: string): Promise<Sora2Video> {
  const video = ctx.expectStatus(
    await ctx.sora2.create({ prompt: ctx.prompt(prompt), ...ctx.sora2.smallest() }),
    200,
  );
  const done = await ctx.sora2.waitForSettled(video.id);
  ctx.expectEqual(done.status, 'completed', 'source status');
  return done;
}
