import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/controllable-clock.js';
import { createEngine } from './create-engine.js';

/** A scripted session touching every engine operation; returns everything observable. */
function script(seed: string | number) {
  const clock = createManualClock();
  const engine = createEngine({ clock, seed, quota: 'concurrent:2' });
  const out: unknown[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      out.push(fn());
    } catch (error) {
      out.push({ error: (error as Error).name, ...(error as object) });
    }
  };
  engine.faults.setModerationWords(['blocked']);
  engine.faults.addFailure({ progress: 60, match: { promptIncludes: 'flaky' }, times: 1 });
  const base = { kind: 'sora2' as const, model: 'sora-2', width: 1280, height: 720, seconds: 8 };
  const a = engine.createJob({ ...base, partition: 'k1', prompt: 'a fox' });
  out.push(a);
  attempt(() => engine.createJob({ ...base, partition: 'k1', prompt: 'flaky fox' }));
  attempt(() => engine.createJob({ ...base, partition: 'k1', prompt: 'third' }));
  attempt(() =>
    engine.createJob({
      partition: 'k2',
      kind: 'sora1',
      prompt: 'blocked',
      model: 'd',
      width: 480,
      height: 480,
      seconds: 5,
      variants: 3,
    }),
  );
  for (let i = 0; i < 8; i++) {
    clock.advance(700);
    attempt(() => engine.getJob('k1', a.job.id));
    attempt(() => engine.listJobs('k1', { limit: 1 }));
    out.push(engine.ids.requestId());
  }
  attempt(() => engine.remixJob({ partition: 'k1', sourceId: a.job.id, prompt: 'at dusk' }));
  attempt(() => engine.deleteJob('k1', a.job.id));
  out.push(engine.settledBetween(0, clock.now()));
  out.push(engine.snapshot());
  return out;
}

describe('determinism', () => {
  it('gives deep-equal results for the same seed, clock and calls', () => {
    const first = script(99);
    expect(script(99)).toEqual(first);
    expect(JSON.stringify(script(99))).toBe(JSON.stringify(first));
  });

  it('gives different ids for a different seed', () => {
    expect(JSON.stringify(script(100))).not.toBe(JSON.stringify(script(99)));
  });
});
