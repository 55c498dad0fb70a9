import { copyRect, createPlanes, type Planes, type Rect } from './planes.js';
import { createSceneLayout, type LayoutOptions } from './scene-layout.js';

/**
 * The scene's pixels on a macroblock-padded canvas (width and height rounded up to 16), kept at
 * one frame index and moved incrementally: {@link SceneCanvas.seek} repaints only what changed.
 */
export interface SceneCanvas {
  /** The current frame's pixels (padded size). */
  readonly planes: Planes;
  /** The frame index the planes show. */
  readonly index: number;
  /**
   * Moves to any frame index and returns the rectangles that may have changed (possibly
   * overlapping, clipped to the padded canvas). Deterministic whatever the previous index.
   */
  seek(index: number): Rect[];
}

/**
 * Creates a canvas showing frame 0.
 * @example
 * const canvas = createSceneCanvas({ width: 1280, height: 720, fps: 30, frameCount: 120, seed: 1, caption: 'a cat' });
 * const dirty = canvas.seek(1); // rectangles to re-encode
 */
export function createSceneCanvas(options: LayoutOptions): SceneCanvas {
  const paddedWidth = Math.ceil(options.width / 16) * 16;
  const paddedHeight = Math.ceil(options.height / 16) * 16;
  const layout = createSceneLayout(options);
  const base = createPlanes(paddedWidth, paddedHeight);
  layout.drawStatic(base);
  const planes = createPlanes(paddedWidth, paddedHeight);
  planes.y.set(base.y);
  planes.u.set(base.u);
  planes.v.set(base.v);
  for (const element of layout.dynamic) element.draw(planes, 0);
  let current = 0;
  return {
    planes,
    get index() {
      return current;
    },
    seek(index) {
      if (index === current) return [];
      const dirty: Rect[] = [];
      for (const element of layout.dynamic) {
        const before = element.bounds(current);
        const after = element.bounds(index);
        if (before) dirty.push(before);
        if (after) dirty.push(after);
      }
      for (const rect of dirty) copyRect(base, planes, rect);
      for (const element of layout.dynamic) element.draw(planes, index);
      current = index;
      return dirty.flatMap((rect) => {
        const x0 = Math.max(0, rect.x0);
        const y0 = Math.max(0, rect.y0);
        const x1 = Math.min(paddedWidth, rect.x1);
        const y1 = Math.min(paddedHeight, rect.y1);
        return x0 < x1 && y0 < y1 ? [{ x0, y0, x1, y1 }] : [];
      });
    },
  };
}
