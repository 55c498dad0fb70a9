import { copyRect, createPlanes, type Planes, type Rect } from './planes.js';
import { createSceneLayout, type DynamicElement, type LayoutOptions } from './scene-layout.js';

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

/** Black planes of a frame size rounded up to whole 16x16 macroblocks (the canvas size). */
export function createPaddedPlanes(size: { width: number; height: number }): Planes {
  return createPlanes(Math.ceil(size.width / 16) * 16, Math.ceil(size.height / 16) * 16);
}

/** Paints frame `index` whole: the static layer `base`, then every moving element over it. */
export function paintFrame(
  base: Planes,
  planes: Planes,
  elements: readonly DynamicElement[],
  index: number,
): void {
  planes.y.set(base.y);
  planes.u.set(base.u);
  planes.v.set(base.v);
  for (const element of elements) element.draw(planes, index);
}

/** A rectangle widened to whole 2x2 chroma blocks and clipped to the planes, or undefined if empty. */
function chromaAligned(planes: Planes, rect: Rect): Rect | undefined {
  const x0 = Math.max(0, rect.x0 & ~1);
  const y0 = Math.max(0, rect.y0 & ~1);
  const x1 = Math.min(planes.width, (rect.x1 + 1) & ~1);
  const y1 = Math.min(planes.height, (rect.y1 + 1) & ~1);
  return x0 < x1 && y0 < y1 ? { x0, y0, x1, y1 } : undefined;
}

/**
 * Moves `planes` from frame `from` to frame `to` when only `elements` change over `base`. For
 * each element, the areas whose pixels can differ (its `changed` areas, else both its bounds),
 * widened to whole 2x2 chroma blocks, go back to `base`; then the elements paint frame `to` there
 * (inside those areas only when they all can `redraw`, else whole). Returns those areas (possibly
 * overlapping).
 */
export function stepFrame(
  base: Planes,
  planes: Planes,
  elements: readonly DynamicElement[],
  from: number,
  to: number,
): Rect[] {
  const dirty: Rect[] = [];
  for (const element of elements) {
    const raw = element.changed?.(from, to) ?? [element.bounds(from), element.bounds(to)];
    for (const rect of raw) {
      const area = rect && chromaAligned(planes, rect);
      if (area === undefined) continue;
      copyRect(base, planes, area);
      dirty.push(area);
    }
  }
  // Every element repaints every restored area, in drawing order, so elements that overlap (tiny
  // frames) still stack as a whole repaint would; with one that cannot redraw, all draw whole.
  if (elements.every((element) => element.redraw !== undefined))
    for (const element of elements) element.redraw?.(planes, to, dirty);
  else for (const element of elements) element.draw(planes, to);
  return dirty;
}

/**
 * A canvas over `planes` that shows frame 0 and keeps track of its frame: `move(from, to)` repaints
 * the planes for a seek to another frame and returns the rectangles it changed.
 */
export function trackedCanvas(planes: Planes, move: (from: number, to: number) => Rect[]): SceneCanvas {
  let current = 0;
  return {
    planes,
    get index() {
      return current;
    },
    seek(index) {
      if (index === current) return [];
      const dirty = move(current, index);
      current = index;
      return dirty;
    },
  };
}

/**
 * Creates a canvas showing frame 0.
 * @example
 * const canvas = createSceneCanvas({ width: 1280, height: 720, fps: 30, frameCount: 120, seed: 1, caption: 'a cat' });
 * const dirty = canvas.seek(1); // rectangles to re-encode
 */
export function createSceneCanvas(options: LayoutOptions): SceneCanvas {
  const layout = createSceneLayout(options);
  const base = createPaddedPlanes(options);
  layout.drawStatic(base);
  const planes = createPaddedPlanes(options);
  paintFrame(base, planes, layout.dynamic, 0);
  return trackedCanvas(planes, (from, to) => stepFrame(base, planes, layout.dynamic, from, to));
}
