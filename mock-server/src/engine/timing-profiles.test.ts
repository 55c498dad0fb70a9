import { describe, expect, it } from 'vitest';
import { type JobWork, planDurations } from './job-timing.js';
import {
  applyTiming,
  FAST_TIMING,
  REALISTIC_TIMING,
  TIMING_PROFILES,
  timingProblems,
  timingProfileOf,
} from './timing-profiles.js';

const total = (work: JobWork, timing = REALISTIC_TIMING) => {
  const d = planDurations(work, timing);
  return d.queuedMs + d.preprocessingMs + d.runningMs + d.processingMs;
};
const sora2 = (width: number, height: number, seconds: number, model = 'sora-2'): JobWork => ({
  kind: 'sora2',
  width,
  height,
  seconds,
  variants: 1,
  model,
});
const sora1 = (width: number, height: number, seconds: number): JobWork => ({
  kind: 'sora1',
  width,
  height,
  seconds,
  variants: 1,
  model: 'sora',
});

describe('realistic timing: calibrated to the published figures (docs/emulator.md)', () => {
  it('Azure Sora 2 720x1280 4 s settles about 67 s after create; sora-2 12 s about 120 s', () => {
    expect(total(sora2(720, 1280, 4))).toBeGreaterThanOrEqual(64_000);
    expect(total(sora2(720, 1280, 4))).toBeLessThanOrEqual(70_000);
    expect(total(sora2(720, 1280, 12))).toBeGreaterThanOrEqual(110_000);
    expect(total(sora2(720, 1280, 12))).toBeLessThanOrEqual(125_000);
  });

  it('sora-2-pro takes minutes: a small clip about 3 min, the largest about 8 min', () => {
    expect(total(sora2(720, 1280, 4, 'sora-2-pro'))).toBeGreaterThanOrEqual(150_000);
    expect(total(sora2(720, 1280, 4, 'sora-2-pro'))).toBeLessThanOrEqual(190_000);
    expect(total(sora2(1792, 1024, 12, 'sora-2-pro'))).toBeGreaterThanOrEqual(450_000);
    expect(total(sora2(1792, 1024, 12, 'sora-2-pro'))).toBeLessThanOrEqual(540_000);
  });

  it('Azure Sora 1 480x480 5 s about 20 s, 1080x1080 5 s about 34 s, every phase at least 5 s', () => {
    expect(Math.abs(total(sora1(480, 480, 5)) - 20_000)).toBeLessThanOrEqual(1000);
    expect(Math.abs(total(sora1(1080, 1080, 5)) - 34_000)).toBeLessThanOrEqual(1000);
    const smallest = planDurations(sora1(480, 480, 1), REALISTIC_TIMING);
    expect(smallest.queuedMs).toBeGreaterThanOrEqual(5000);
    expect(smallest.preprocessingMs).toBeGreaterThanOrEqual(5000);
    expect(smallest.processingMs).toBeGreaterThanOrEqual(5000);
    const small = planDurations(sora1(480, 480, 5), REALISTIC_TIMING);
    expect(small.runningMs).toBeGreaterThanOrEqual(4990);
  });

  it('fast keeps the old few-second timeline', () => {
    expect(total(sora2(720, 1280, 4), FAST_TIMING)).toBeLessThan(2000);
    expect(TIMING_PROFILES.fast).toBe(FAST_TIMING);
  });
});

describe('applyTiming', () => {
  it('a name replaces the base; fields override it, a top-level field covering Sora 2 too', () => {
    expect(applyTiming(FAST_TIMING, 'realistic')).toBe(REALISTIC_TIMING);
    const zeroQueue = applyTiming(REALISTIC_TIMING, { queuedMs: 0 });
    expect(planDurations(sora2(720, 1280, 4), zeroQueue).queuedMs).toBe(0);
    expect(planDurations(sora1(480, 480, 5), zeroQueue).queuedMs).toBe(0);
    expect(planDurations(sora2(720, 1280, 4), zeroQueue).runningMs).toBe(
      planDurations(sora2(720, 1280, 4), REALISTIC_TIMING).runningMs,
    );
    const onlySora2 = applyTiming(REALISTIC_TIMING, { sora2: { queuedMs: 1 } });
    expect(planDurations(sora2(720, 1280, 4), onlySora2).queuedMs).toBe(1);
    expect(planDurations(sora1(480, 480, 5), onlySora2).queuedMs).toBe(5000);
    expect(applyTiming(REALISTIC_TIMING, { profile: 'fast', queuedMs: 7 }).queuedMs).toBe(7);
    expect(() => applyTiming(FAST_TIMING, 'slow' as never)).toThrow(/realistic or fast/);
  });

  it('names the profile a config equals and reports bad values by field', () => {
    expect(timingProfileOf(REALISTIC_TIMING)).toBe('realistic');
    expect(timingProfileOf({ ...FAST_TIMING })).toBe('fast');
    expect(timingProfileOf(applyTiming(FAST_TIMING, { queuedMs: 1 }))).toBe('custom');
    expect(timingProblems(REALISTIC_TIMING)).toEqual([]);
    expect(timingProblems({ ...FAST_TIMING, queuedMs: -1 })[0]?.[0]).toBe('timing.queuedMs');
    expect(timingProblems({ ...FAST_TIMING, modelFactors: { 'sora-2-pro': 0 } })[0]?.[0]).toBe(
      'timing.modelFactors.sora-2-pro',
    );
    expect(timingProblems({ ...FAST_TIMING, sora2: { processingMs: 1 } as never })[0]?.[0]).toBe(
      'timing.sora2.processingMs',
    );
  });
});
