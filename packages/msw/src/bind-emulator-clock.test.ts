import { createManualClock } from '@sora-kit/emulator';
import { describe, expect, it } from 'vitest';
import { bindEmulatorClock } from './bind-emulator-clock.js';

describe('bindEmulatorClock', () => {
  it('moves the clock by the forward moves of the source only', () => {
    let source = 50_000;
    const clock = createManualClock(1_000);
    const sync = bindEmulatorClock(clock, () => source);
    expect(sync()).toBe(1_000);
    source += 250;
    expect(sync()).toBe(1_250);
    source -= 10_000;
    expect(sync()).toBe(1_250);
    source += 100;
    expect(sync()).toBe(1_350);
  });

  it('keeps direct advances and ignores a source that is not a number', () => {
    let source = 0;
    const clock = createManualClock(0);
    const sync = bindEmulatorClock(clock, () => source);
    clock.advance(5_000);
    source = Number.NaN;
    expect(sync()).toBe(5_000);
    source = 10;
    expect(sync()).toBe(5_010);
  });
});
