import { describe, expect, it } from 'vitest';
import {
  createClock,
  createManualClock,
  createRealClock,
  DEFAULT_MANUAL_START_MS,
} from './controllable-clock.js';

function fakeSource(start = 1000) {
  let t = start;
  const source = () => t;
  return { source, tick: (ms: number) => (t += ms) };
}

describe('manual clock', () => {
  it('starts at the given time and moves only when told', () => {
    const clock = createManualClock(5_000);
    expect(clock.mode).toBe('manual');
    expect(clock.now()).toBe(5_000);
    expect(clock.advance(250)).toBe(5_250);
    expect(clock.now()).toBe(5_250);
    expect(clock.set(10_000)).toBe(10_000);
  });

  it('defaults to 2026-01-01 UTC', () => {
    expect(createManualClock().now()).toBe(DEFAULT_MANUAL_START_MS);
    expect(new Date(DEFAULT_MANUAL_START_MS).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses to go backwards or take bad numbers', () => {
    const clock = createManualClock(1_000);
    expect(() => clock.set(999)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.now()).toBe(1_000);
  });
});

describe('real clock', () => {
  it('follows the source at the given speed, floored to whole ms', () => {
    const { source, tick } = fakeSource();
    const clock = createRealClock({ startMs: 0, speed: 2.5, source });
    expect(clock.now()).toBe(0);
    tick(3);
    expect(clock.now()).toBe(7);
    tick(1);
    expect(clock.now()).toBe(10);
  });

  it('can advance in real mode too', () => {
    const { source, tick } = fakeSource();
    const clock = createRealClock({ startMs: 100, source });
    clock.advance(1_000);
    tick(5);
    expect(clock.now()).toBe(1_105);
  });

  it('keeps time continuous across mode and speed switches', () => {
    const { source, tick } = fakeSource();
    const clock = createClock({ mode: 'real', startMs: 0, speed: 1, source });
    tick(100);
    clock.setMode('manual');
    expect(clock.now()).toBe(100);
    tick(500);
    expect(clock.now()).toBe(100);
    clock.setMode('real');
    tick(10);
    expect(clock.now()).toBe(110);
    clock.setSpeed(10);
    expect(clock.now()).toBe(110);
    tick(10);
    expect(clock.now()).toBe(210);
    expect(clock.speed).toBe(10);
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
  });
});
