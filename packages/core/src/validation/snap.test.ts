import { describe, expect, it } from 'vitest';
import { resolveCapabilities } from '../capabilities/index.js';
import { formatSize, parseSize, snapSeconds, snapSize } from './index.js';

const sora1 = resolveCapabilities('azure-sora1');
const sora2 = resolveCapabilities('openai-sora2');
const azureSora2pro = resolveCapabilities('azure-sora2', 'sora-2-pro');
const sora2pro = resolveCapabilities('openai-sora2', 'sora-2-pro');

describe('snapSeconds', () => {
  it('picks the nearest value of a set, the longer one on a tie', () => {
    expect([1, 4, 5, 6, 7, 10, 11, 30].map((seconds) => snapSeconds(seconds, sora2))).toEqual([
      4, 4, 4, 8, 8, 12, 12, 12,
    ]);
  });

  it('rounds and clamps into a range', () => {
    expect([0, 0.4, 1, 5.5, 20, 21, -3].map((seconds) => snapSeconds(seconds, sora1))).toEqual([
      1, 1, 1, 6, 20, 20, 1,
    ]);
  });

  it('respects a per-size limit and falls back to the default on nonsense', () => {
    const caps = resolveCapabilities('azure-sora1', 'sora', {
      overrides: { maxSecondsBySize: { '1920x1080': 10 } },
    });
    expect(snapSeconds(15, caps, '1920x1080')).toBe(10);
    expect(snapSeconds(15, caps, '1280x720')).toBe(15);
    expect(snapSeconds(Number.NaN, sora2)).toBe(4);
    expect(snapSeconds(Number.POSITIVE_INFINITY, sora1)).toBe(5);
  });
});

describe('snapSize', () => {
  it('keeps an allowed size', () => {
    for (const size of sora1.sizes) expect(snapSize(size, sora1)).toBe(size);
  });

  it('prefers the aspect ratio, then the area', () => {
    expect(snapSize('1920x1080', sora2)).toBe('1280x720');
    expect(snapSize({ width: 1080, height: 1920 }, sora2)).toBe('720x1280');
    expect(snapSize('1080x1920', sora2pro)).toBe('1080x1920');
    expect(snapSize('1080x1920', azureSora2pro)).toBe('720x1280');
    expect(snapSize('1000x1750', sora2pro)).toBe('1024x1792');
    expect(snapSize('640x360', sora2pro)).toBe('1280x720');
    expect(snapSize('1000x1000', sora1)).toBe('1080x1080');
    expect(snapSize('500x500', sora1)).toBe('480x480');
    expect(snapSize('600x600', sora1)).toBe('720x720');
    expect(snapSize('700x700', sora1)).toBe('720x720');
    expect(snapSize('3840x2160', sora1)).toBe('1920x1080');
  });

  it('breaks exact ties by table order and falls back to the default on nonsense', () => {
    expect(snapSize('1000x1000', sora2)).toBe('720x1280');
    expect(snapSize('big', sora2)).toBe('720x1280');
  });
});

describe('parseSize / formatSize', () => {
  it('reads both forms and rejects non-sizes', () => {
    expect(parseSize(' 1280 X 720 ')).toEqual({ width: 1280, height: 720 });
    expect(parseSize({ width: 3, height: 4 })).toEqual({ width: 3, height: 4 });
    for (const bad of ['0x720', '1280x', 'x', '-1x2', '1.5x2', '']) expect(parseSize(bad)).toBeUndefined();
    expect(parseSize({ width: 1.5, height: 2 })).toBeUndefined();
    expect(formatSize({ width: 1280, height: 720 })).toBe('1280x720');
  });
});
