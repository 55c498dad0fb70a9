/**
 * The third concurrent job of one credential is refused with 429 and retry headers (ruling 3).
 * @module
 */
import { defineScenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario-context.js';
import type { WireResponse } from '../wire-response.js';
import { ALL_DIALECTS } from './dialect-groups.js';

function checkRetryHeaders(ctx: ScenarioContext, response: WireResponse<unknown>): void {
  const after = response.headers.get('retry-after');
  const afterMs = response.headers.get('retry-after-ms');
  ctx.check(
    after !== null && /^\d+$/.test(after) && Number(after) >= 1,
    `retry-after is whole seconds >= 1, got ${after}`,
  );
  ctx.check(
    afterMs !== null && /^\d+$/.test(afterMs) && Number(afterMs) >= 1,
    `retry-after-ms is ms >= 1, got ${afterMs}`,
  );
  ctx.check(
    Number(after) * 1000 >= Number(afterMs),
    `retry-after (${after} s) rounds retry-after-ms (${afterMs}) up`,
  );
}

/** Emulator-only (it needs a known quota): two jobs run, the third gets 429, a freed slot takes a new job. */
export const quota = defineScenario({
  name: 'quota',
  description:
    'third concurrent create -> 429 with retry-after and retry-after-ms; a settled job frees its slot',
  dialects: ALL_DIALECTS,
  emulatorOnly: true,
  jobs: 3,
  async run(ctx) {
    const sora1 = ctx.dialect === 'sora1-azure';
    const create = async (options?: { expectRejection: boolean }): Promise<WireResponse<{ id: string }>> =>
      sora1
        ? ctx.sora1.create({ prompt: ctx.prompt('a paper boat'), ...ctx.sora1.smallest() }, options)
        : ctx.sora2.create({ prompt: ctx.prompt('a paper boat'), ...ctx.sora2.smallest() }, options);
    const wait = (id: string) => (sora1 ? ctx.sora1.waitForSettled(id) : ctx.sora2.waitForSettled(id));
    const first = ctx.expectStatus(await create(), [200, 201]);
    const second = ctx.expectStatus(await create(), [200, 201]);
    const refused = await create({ expectRejection: true });
    ctx.expectError(refused, 429);
    checkRetryHeaders(ctx, refused);
    await wait(first.id);
    await wait(second.id);
    const third = ctx.expectStatus(await create(), [200, 201]);
    await wait(third.id);
  },
});
