/**
 * Extend a completed video (`POST /videos/extensions`): an extension length outside the table is
 * refused naming `seconds`; the extension lasts source + extension and completes. Azure serves none.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { completedSource } from './completed-source.js';
import { SORA2_DIALECTS } from './dialect-groups.js';

const rejected = { expectRejection: true } as const;

/** Sora 2: `seconds: "5"` -> 400 `seconds`; `seconds: "4"` on a 4 s video -> `seconds: "8"`, completes. */
export const extend = defineScenario({
  name: 'extend',
  description:
    "extension seconds '5' -> 400 param seconds; '4' on a completed 4 s video -> seconds '8', completes (Azure: 404)",
  dialects: SORA2_DIALECTS,
  jobs: 2,
  async run(ctx) {
    if (ctx.dialect === 'sora2-azure') {
      // Microsoft documents no extensions: Azure's 404 for a path it does not serve.
      ctx.expectError(
        await ctx.sora2.extend(
          { prompt: ctx.prompt('an extension'), seconds: '4', videoId: 'video_unserved' },
          rejected,
        ),
        404,
      );
      return;
    }
    const source = await completedSource(ctx, 'a train leaves a station');
    ctx.expectError(
      await ctx.sora2.extend(
        { prompt: 'the train enters a tunnel', seconds: '5', videoId: source.id },
        rejected,
      ),
      400,
      { param: 'seconds' },
    );
    const extension = '4';
    const extended = ctx.expectStatus(
      await ctx.sora2.extend({
        prompt: ctx.prompt('the train enters a tunnel'),
        seconds: extension,
        videoId: source.id,
      }),
      200,
    );
    ctx.check(extended.id !== source.id, 'an extension is a new video');
    ctx.expectEqual(extended.size, source.size, 'extension keeps size');
    ctx.expectEqual(
      extended.seconds,
      String(Number(source.seconds) + Number(extension)),
      'extension seconds (source + extension)',
    );
    const finished = await ctx.sora2.waitForSettled(extended.id);
    ctx.expectEqual(finished.status, 'completed', 'extension status');
    ctx.expectEqual(finished.seconds, extended.seconds, 'seconds once completed');
  },
});
