import { describe, expect, it } from 'vitest';
import { systemDelay } from './clock.js';

describe('systemDelay', () => {
  it('rejects at once with the reason of an already aborted signal', async () => {
    await expect(systemDelay(60_000, AbortSignal.abort(new Error('stopped')))).rejects.toThrow('stopped');
  });

  it('rejects when the signal aborts and keeps no timer alive, even past the 24.8-day setTimeout limit', async () => {
    const controller = new AbortController();
    const pending = systemDelay(40 * 24 * 3_600_000, controller.signal);
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });
});
