import { copyRect, type Rect } from './planes.js';
import { createPaddedPlanes, createSceneCanvas, type SceneCanvas, trackedCanvas } from './scene-canvas.js';
import type { LayoutOptions } from './scene-layout.js';
import type { SceneOverlay } from './scene-overlay.js';
import { createOverlaySceneCanvas } from './scene-overlay-canvas.js';

/** A later part of a stitched video: from `fromFrame` on, another seed and caption. */
export interface SceneSegment {
  /** First frame of the part (0-based, > 0 and increasing). */
  readonly fromFrame: number;
  /** Seed of the part's colours and motion. */
  readonly seed: number | string;
  /** Caption of the part (its prompt). */
  readonly caption: string;
}

/** Checks segment options. @returns a message, or undefined when valid */
export function segmentProblem(segments: readonly SceneSegment[]): string | undefined {
  let previous = 0;
  for (const segment of segments) {
    if (!Number.isInteger(segment.fromFrame) || segment.fromFrame <= previous)
      return `fromFrame must be an integer greater than ${previous}, got ${segment.fromFrame}`;
    previous = segment.fromFrame;
  }
  return undefined;
}

/**
 * A canvas for a stitched video (an extension chain): each part is the scene of its own seed
 * and caption, while the time code and the progress bar run over the whole. Frames within a
 * part move incrementally; the first frame of a part is repainted whole. Only the current
 * part's canvas is kept (frames are encoded in order).
 * @example
 * const canvas = createSegmentedSceneCanvas(layout, [], [{ fromFrame: 240, seed: 'video_2', caption: 'it rises' }]);
 */
export function createSegmentedSceneCanvas(
  options: LayoutOptions,
  overlays: readonly SceneOverlay[],
  segments: readonly SceneSegment[],
): SceneCanvas {
  const parts = [{ fromFrame: 0, seed: options.seed, caption: options.caption }, ...segments];
  const partOf = (index: number): number => parts.findLastIndex((part) => part.fromFrame <= index);
  const canvasOf = (part: number): SceneCanvas => {
    const { seed, caption } = parts[part] as (typeof parts)[number];
    const layout = { ...options, seed, caption };
    return overlays.length === 0 ? createSceneCanvas(layout) : createOverlaySceneCanvas(layout, overlays);
  };
  const planes = createPaddedPlanes(options);
  const full: Rect = { x0: 0, y0: 0, x1: planes.width, y1: planes.height };
  let part = 0;
  let current = canvasOf(0);
  copyRect(current.planes, planes, full);
  return trackedCanvas(planes, (_from, to) => {
    const next = partOf(to);
    if (next === part) {
      const dirty = current.seek(to);
      for (const rect of dirty) copyRect(current.planes, planes, rect);
      return dirty;
    }
    part = next;
    current = canvasOf(next);
    current.seek(to);
    copyRect(current.planes, planes, full);
    return [full];
  });
}
