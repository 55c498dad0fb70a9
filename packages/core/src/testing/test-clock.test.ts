import { describe, expect, it } from 'vitest';
import { createTestClock } from './test-clock.js';

describe('createTestClock', () => {
  it('fires timers in time order as time advances, and not before', async () => {
    const clock = createTestClock(1000);
    const fired: string[] = [];
    void clock.delay(300).then(() => fired.push(`b@${clock.now()}`));
    void clock.delay(100).then(() => fired.push(`a@${clock.now()}`));
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(500);
    expect(fired).toEqual(['a@1100', 'b@1300']);
    expect(clock.now()).toBe(1599);
    expect(clock.delays).toEqual([300, 100]);
  });

  it('runs timers scheduled by timers within the same advance', async () => {
    const clock = createTestClock();
    const seen: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.delay(10);
        seen.push(clock.now());
      }
    };
    void loop();
    await clock.advance(100);
    expect(seen).toEqual([10, 20, 30]);
  });

  it('rejects a delay when its signal aborts and drops the timer', async () => {
    const clock = createTestClock();
    const controller = new AbortController();
    const pending = clock.delay(1000, controller.signal);
    expect(clock.pendingTimers).toBe(1);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
  });

  it('run() advances until the promise settles and reports deadlocks', async () => {
    const clock = createTestClock();
    const value = await clock.run(clock.delay(5000).then(() => clock.now()));
    expect(value).toBe(5000);
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/deadlock/);
  });
});
