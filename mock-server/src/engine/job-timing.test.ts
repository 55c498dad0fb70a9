import { describe, expect, it } from 'vitest';
import { megapixelSeconds, planDurations } from './job-timing.js';
import { DEFAULT_TIMING } from './timing-profiles.js';

describe('planDurations', () => {
  it('scales running time with megapixel-seconds', () => {
    const work = { kind: 'sora2' as const, width: 1280, height: 720, seconds: 4, variants: 1 };
    expect(megapixelSeconds(work)).toBeCloseTo(3.6864, 6);
    expect(planDurations(work)).toEqual({
      queuedMs: 400,
      preprocessingMs: 0,
      runningMs: 1369,
      processingMs: 0,
    });
    const longer = planDurations({ ...work, seconds: 12 });
    expect(longer.runningMs).toBeGreaterThan(planDurations(work).runningMs);
  });

  it('adds Sora 1 phases and counts variants', () => {
    const one = planDurations({ kind: 'sora1', width: 1920, height: 1080, seconds: 20, variants: 1 });
    expect(one).toEqual({ queuedMs: 400, preprocessingMs: 300, runningMs: 5147, processingMs: 300 });
    const two = planDurations({ kind: 'sora1', width: 480, height: 480, seconds: 5, variants: 2 });
    expect(two.runningMs).toBe(Math.round(1000 + 100 * 0.2304 * 5 * 2));
  });

  it('keeps the default timeline a few seconds long and never zero running time', () => {
    const d = planDurations({ kind: 'sora2', width: 720, height: 1280, seconds: 4, variants: 1 });
    expect(d.queuedMs + d.runningMs).toBeLessThan(3000);
    const zero = planDurations(
      { kind: 'sora2', width: 1, height: 1, seconds: 1, variants: 1 },
      { ...DEFAULT_TIMING, runningBaseMs: 0, runningMsPerMegapixelSecond: 0 },
    );
    expect(zero.runningMs).toBe(1);
  });
});
