/**
 * Listing pages with `limit` and `after` (both APIs), `before` and `statuses` (Sora 1).
 * @module
 */
import { defineScenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario-context.js';
import { ALL_DIALECTS } from './dialect-groups.js';

interface Page {
  readonly ids: readonly string[];
  readonly hasMore: boolean;
  readonly firstId: string | null | undefined;
  readonly lastId: string | null | undefined;
}

const LIMIT = 2;

async function walk(ctx: ScenarioContext, maxPages: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | undefined;
  for (let index = 0; index < maxPages; index += 1) {
    const query = { limit: LIMIT, ...(after === undefined ? {} : { after }) };
    const body =
      ctx.dialect === 'sora1-azure'
        ? ctx.expectStatus(await ctx.sora1.list(query), 200)
        : ctx.expectStatus(await ctx.sora2.list(query), 200);
    const ids = body.data.map((item) => item.id);
    const page = { ids, hasMore: body.has_more, firstId: body.first_id, lastId: body.last_id };
    ctx.check(ids.length <= LIMIT, `a page of limit ${LIMIT} has ${ids.length} items`);
    if (ids.length > 0) {
      ctx.expectEqual(page.firstId, ids[0], 'first_id');
      ctx.expectEqual(page.lastId, ids[ids.length - 1], 'last_id');
    }
    pages.push(page);
    if (!page.hasMore || ids.length === 0 || !page.lastId) break;
    after = page.lastId;
  }
  const all = pages.flatMap((page) => page.ids);
  ctx.expectEqual(new Set(all).size, all.length, 'ids are unique across pages');
  return pages;
}

async function seed(ctx: ScenarioContext): Promise<string[]> {
  const ids: string[] = [];
  for (const label of ['first', 'second', 'third']) {
    const prompt = ctx.prompt(`list seed ${label}`);
    if (ctx.dialect === 'sora1-azure') {
      const job = ctx.expectStatus(await ctx.sora1.create({ prompt, ...ctx.sora1.smallest() }), [200, 201]);
      await ctx.sora1.waitForSettled(job.id);
      ids.push(job.id);
    } else {
      const video = ctx.expectStatus(await ctx.sora2.create({ prompt, ...ctx.sora2.smallest() }), 200);
      await ctx.sora2.waitForSettled(video.id);
      ids.push(video.id);
    }
  }
  return ids;
}

/**
 * Emulators get three seeded jobs and a full walk; live targets start no job and walk at most
 * three pages of what the account already has.
 */
export const listPagination = defineScenario({
  name: 'list-pagination',
  description: 'limit/after pages are disjoint and newest first; Sora 1 also before and statuses',
  dialects: ALL_DIALECTS,
  jobs: (capabilities) => (capabilities.live ? 0 : 3),
  async run(ctx) {
    const live = ctx.target.capabilities.live;
    const seeded = live ? [] : await seed(ctx);
    const pages = await walk(ctx, live ? 3 : 100);
    const listed = pages.flatMap((page) => page.ids);
    if (!live) {
      const positions = seeded.map((id) => listed.indexOf(id));
      ctx.check(
        positions.every((position) => position >= 0),
        'every seeded job is listed',
      );
      const [first = -1, second = -1, third = -1] = positions;
      ctx.check(first > second && second > third, 'newest first');
      ctx.check(pages.length >= 2, 'three jobs with limit 2 take two pages');
    }
    if (ctx.dialect !== 'sora1-azure') {
      if (!live) {
        const asc = ctx.expectStatus(await ctx.sora2.list({ limit: 100, order: 'asc' }), 200);
        const ascending = asc.data.map((item) => item.id).filter((id) => seeded.includes(id));
        ctx.expectEqual(ascending.join(','), seeded.join(','), 'order=asc lists oldest first');
      }
      return;
    }
    const [firstPage, secondPage] = pages;
    if (firstPage !== undefined && secondPage?.firstId) {
      const before = ctx.expectStatus(
        await ctx.sora1.list({ limit: LIMIT, before: secondPage.firstId }),
        200,
      );
      ctx.expectEqual(
        before.data.map((item) => item.id).join(','),
        firstPage.ids.join(','),
        'before = the previous page',
      );
    }
    const succeeded = ctx.expectStatus(await ctx.sora1.list({ limit: 100, statuses: ['succeeded'] }), 200);
    ctx.check(
      succeeded.data.every((item) => item.status === 'succeeded'),
      'statuses=succeeded lists only succeeded jobs',
    );
    for (const id of seeded)
      ctx.check(
        succeeded.data.some((item) => item.id === id),
        `statuses=succeeded lists ${id}`,
      );
    const failed = ctx.expectStatus(
      await ctx.sora1.list({ limit: 100, statuses: ['failed', 'cancelled'] }),
      200,
    );
    ctx.check(
      failed.data.every((item) => item.status === 'failed' || item.status === 'cancelled'),
      'statuses=failed,cancelled lists only those',
    );
  },
});
