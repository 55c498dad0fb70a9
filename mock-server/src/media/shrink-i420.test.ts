import { describe, expect, it } from 'vitest';
import { i420ToRgba } from './color.js';
import { resizeRgba } from './image/resize-rgba.js';
import { createCanvasFor, createScene } from './scene.js';
import { createTileShrinker, shrinkI420 } from './shrink-i420.js';

describe('shrinkI420', () => {
  it('averages whole blocks exactly', () => {
    const frame = {
      width: 4,
      height: 2,
      y: Uint8Array.of(10, 20, 30, 41, 50, 60, 70, 80),
      u: Uint8Array.of(100, 200),
      v: Uint8Array.of(1, 3),
    };
    const small = shrinkI420(frame, 2, 1);
    expect([...small.y]).toEqual([35, 55]); // (10+20+50+60)/4, (30+41+70+80)/4 = 55.25
    expect([...small.u]).toEqual([150]);
    expect([...small.v]).toEqual([2]);
  });

  it('gives nearly the colours of shrinking the RGBA frame, for whole and fractional factors', () => {
    for (const [width, height, tileWidth, tileHeight] of [
      [640, 360, 128, 72],
      [448, 256, 64, 37],
    ] as const) {
      const frame = createScene({
        width,
        height,
        seconds: 1,
        seed: 'shrink',
        caption: 'a red balloon',
      }).frameAt(3);
      const viaYuv = i420ToRgba(shrinkI420(frame, tileWidth, tileHeight));
      const viaRgba = resizeRgba(
        { width, height, rgba: i420ToRgba(frame) },
        { x: 0, y: 0, width, height },
        tileWidth,
        tileHeight,
      ).rgba;
      let difference = 0;
      for (let i = 0; i < viaYuv.length; i++) difference += Math.abs(viaYuv[i]! - viaRgba[i]!);
      // Averaging before the colour conversion differs only at sharp edges (text): the spritesheet test allows 4 too.
      expect(difference / viaYuv.length).toBeLessThan(4);
    }
  });
});

describe('createTileShrinker', () => {
  it('gives exactly shrinkI420 of every frame while the canvas moves (forwards, back, repeated)', () => {
    const options = {
      width: 720,
      height: 1280,
      seconds: 2,
      seed: 'tiles',
      caption: 'a red balloon',
      label: 'v',
    };
    const scene = createScene(options);
    const shrinker = createTileShrinker(createCanvasFor(scene.options), 720, 1280, 144, 256);
    expect(shrinker).toBeDefined();
    for (const index of [0, 1, 7, 30, 30, 59, 3, 45]) {
      const expected = shrinkI420(scene.frameAt(index), 144, 256);
      const tile = shrinker!.tileAt(index);
      expect(Buffer.compare(Buffer.from(tile.y), Buffer.from(expected.y))).toBe(0);
      expect(Buffer.compare(Buffer.from(tile.u), Buffer.from(expected.u))).toBe(0);
      expect(Buffer.compare(Buffer.from(tile.v), Buffer.from(expected.v))).toBe(0);
    }
  });

  it('declines factors that are not whole (the general filter is used then)', () => {
    const scene = createScene({ width: 640, height: 360, seconds: 1, seed: 's', caption: 'c' });
    expect(createTileShrinker(createCanvasFor(scene.options), 640, 360, 256, 144)).toBeUndefined();
  });
});
