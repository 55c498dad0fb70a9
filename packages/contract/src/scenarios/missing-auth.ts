/**
 * Requests without a credential are refused with 401 in the dialect's envelope.
 * @module
 */
import { defineScenario } from '../scenario.js';
import { ALL_DIALECTS } from './dialect-groups.js';

/** No credential: list and create answer 401 and start nothing. */
export const missingAuth = defineScenario({
  name: 'missing-auth',
  description: 'no credential -> 401 with the error envelope, for list and create',
  dialects: ALL_DIALECTS,
  jobs: 0,
  async run(ctx) {
    const prompt = ctx.prompt('no key');
    if (ctx.dialect === 'sora1-azure') {
      const { sora1 } = ctx.unauthenticated;
      ctx.expectError(await sora1.list({ limit: 1 }), 401);
      ctx.expectError(
        await sora1.create({ prompt, ...ctx.sora1.smallest() }, { expectRejection: true }),
        401,
      );
      return;
    }
    const { sora2 } = ctx.unauthenticated;
    ctx.expectError(await sora2.list({ limit: 1 }), 401);
    ctx.expectError(await sora2.create({ prompt, ...ctx.sora2.smallest() }, { expectRejection: true }), 401);
  },
});
