import { describe, expect, it } from 'vitest';
import type { Planes, Rect } from './planes.js';
import { createCanvasFor, resolveSceneOptions } from './scene.js';
import type { SceneCanvas } from './scene-canvas.js';

/** Counts the samples that differ outside every rectangle (luma, and chroma of the 2x2 blocks). */
function changesOutside(before: Planes, after: Planes, rects: readonly Rect[]): number {
  const inside = (x: number, y: number) => rects.some((r) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1);
  let outside = 0;
  for (let y = 0; y < after.height; y++)
    for (let x = 0; x < after.width; x++)
      if (before.y[y * after.width + x] !== after.y[y * after.width + x] && !inside(x, y)) outside++;
  const cw = after.width >> 1;
  for (let y = 0; y < after.height >> 1; y++)
    for (let x = 0; x < cw; x++) {
      const i = y * cw + x;
      const moved = before.u[i] !== after.u[i] || before.v[i] !== after.v[i];
      if (moved && !inside(2 * x, 2 * y)) outside++;
    }
  return outside;
}

const copy = (p: Planes): Planes => ({ ...p, y: p.y.slice(), u: p.u.slice(), v: p.v.slice() });

const samePlanes = (a: Planes, b: Planes): boolean =>
  Buffer.compare(a.y, b.y) === 0 && Buffer.compare(a.u, b.u) === 0 && Buffer.compare(a.v, b.v) === 0;

/**
 * Seeks through `indexes`; returns the samples that changed outside the reported areas, and the
 * frames whose pixels differ from a fresh canvas moved straight there (frame 0 is painted whole).
 */
function seekAll(canvas: SceneCanvas, indexes: readonly number[], fresh: () => SceneCanvas): number {
  let missed = 0;
  for (const index of indexes) {
    const before = copy(canvas.planes);
    const changed = canvas.seek(index);
    missed += changesOutside(before, canvas.planes, changed);
    const direct = fresh();
    direct.seek(index);
    if (!samePlanes(direct.planes, canvas.planes)) missed++;
  }
  return missed;
}

describe('scene canvas seeks', () => {
  // Steps of one frame (the encoder), jumps forward and back (spritesheet tiles, random access).
  const indexes = [1, 2, 3, 9, 10, 29, 30, 31, 59, 60, 7, 0, 89, 88, 119, 45];
  const base = { seconds: 4, fps: 30, seed: 'seek', caption: 'a red balloon over a lake', label: 'video_1' };

  it('report every changed sample (only changed areas, not whole element bounds) and end where a direct seek does', () => {
    for (const [width, height] of [
      [256, 144],
      [144, 256],
      [99, 61],
    ] as const) {
      const make = () => createCanvasFor(resolveSceneOptions({ ...base, width, height }));
      expect(seekAll(make(), indexes, make), `${width}x${height}`).toBe(0);
    }
  });

  it('report every changed sample with overlays and stitched parts', () => {
    const make = () =>
      createCanvasFor(
        resolveSceneOptions({
          ...base,
          width: 256,
          height: 144,
          overlays: [{ kind: 'panel', fromFrame: 30, lines: ['INPUT VIDEO'] }],
          segments: [{ fromFrame: 60, seed: 'part 2', caption: 'it rises' }],
        }),
      );
    expect(seekAll(make(), indexes, make)).toBe(0);
  });

  it('report less than the whole bounds of the moving block for a one-frame step', () => {
    const canvas = createCanvasFor(resolveSceneOptions({ ...base, width: 720, height: 1280 }));
    const area = canvas.seek(1).reduce((sum, r) => sum + (r.x1 - r.x0) * (r.y1 - r.y0), 0);
    // The block alone is 176x176; a step moves it a few pixels, the bar and the clock less.
    expect(area).toBeGreaterThan(0);
    expect(area).toBeLessThan(176 * 176);
  });
});
