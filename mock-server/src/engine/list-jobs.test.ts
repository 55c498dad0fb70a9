import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { TEST_TIMING } from '../test-support/engine-fixtures.js';
import { createEngine } from './create-engine.js';
import type { CreateJobInput } from './engine.js';
import { InvalidConfigError, InvalidCursorError } from './errors.js';

const timing = TEST_TIMING;
const video: CreateJobInput = {
  partition: 'key-a',
  kind: 'sora2',
  prompt: 'p',
  model: 'sora-2',
  width: 720,
  height: 1280,
  seconds: 4,
};

/** Five jobs: j0 and j1 created in the same ms (creation order breaks the tie), then one per second. */
function setup() {
  const clock = createManualClock();
  const engine = createEngine({ clock, timing, quota: 'none', seed: 'list' });
  const ids: string[] = [];
  const push = () => ids.push(engine.createJob({ ...video, prompt: `job ${ids.length}` }).job.id);
  push();
  push();
  for (let i = 0; i < 3; i++) {
    clock.advance(1000);
    push();
  }
  return { clock, engine, ids };
}

const idsOf = (page: { data: readonly { job: { id: string } }[] }) => page.data.map((v) => v.job.id);

describe('listJobs', () => {
  it('lists newest first by default, oldest first with order asc', () => {
    const { engine, ids } = setup();
    expect(idsOf(engine.listJobs('key-a'))).toEqual([...ids].reverse());
    const asc = engine.listJobs('key-a', { order: 'asc' });
    expect(idsOf(asc)).toEqual(ids);
    expect(asc).toMatchObject({ hasMore: false, firstId: ids[0], lastId: ids[4] });
  });

  it('pages forward with after and limit until has_more is false', () => {
    const { engine, ids } = setup();
    const seen: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = engine.listJobs('key-a', { order: 'asc', limit: 2, ...(after ? { after } : {}) });
      seen.push(...idsOf(page));
      if (!page.hasMore) break;
      after = page.lastId ?? undefined;
    }
    expect(seen).toEqual(ids);
  });

  it('pages backward with before: the jobs closest to the cursor', () => {
    const { engine, ids } = setup();
    const page = engine.listJobs('key-a', { order: 'asc', before: ids[4], limit: 2 });
    expect(idsOf(page)).toEqual([ids[2], ids[3]]);
    expect(page.hasMore).toBe(true);
    const first = engine.listJobs('key-a', { order: 'asc', before: ids[2], limit: 2 });
    expect(idsOf(first)).toEqual([ids[0], ids[1]]);
    expect(first.hasMore).toBe(false);
    expect(idsOf(engine.listJobs('key-a', { after: ids[4], before: ids[0] }))).toEqual([
      ids[3],
      ids[2],
      ids[1],
    ]);
  });

  it('filters by status and kind, and skips gone jobs while keeping their ids usable as cursors', () => {
    const { clock, engine, ids } = setup();
    clock.advance(1500);
    expect(idsOf(engine.listJobs('key-a', { statuses: ['running'], order: 'asc' }))).toEqual([
      ids[3],
      ids[4],
    ]);
    expect(idsOf(engine.listJobs('key-a', { statuses: ['succeeded', 'queued'], order: 'asc' }))).toEqual(
      ids.slice(0, 3),
    );
    expect(engine.listJobs('key-a', { kind: 'sora1' }).data).toEqual([]);
    engine.deleteJob('key-a', ids[1] ?? '');
    expect(idsOf(engine.listJobs('key-a', { order: 'asc', after: ids[1] }))).toEqual(ids.slice(2));
    expect(idsOf(engine.listJobs('key-a', { order: 'asc' }))).not.toContain(ids[1]);
  });

  it('handles limit 0 and refuses unknown cursors and bad limits', () => {
    const { engine } = setup();
    expect(engine.listJobs('key-a', { limit: 0 })).toEqual({
      data: [],
      hasMore: true,
      firstId: null,
      lastId: null,
    });
    expect(() => engine.listJobs('key-a', { after: 'video_unknown' })).toThrow(InvalidCursorError);
    expect(() => engine.listJobs('key-a', { before: 'video_unknown' })).toThrow(
      expect.objectContaining({ param: 'before' }),
    );
    expect(() => engine.listJobs('key-a', { limit: -1 })).toThrow(InvalidConfigError);
    expect(engine.listJobs('nobody')).toEqual({ data: [], hasMore: false, firstId: null, lastId: null });
  });
});
