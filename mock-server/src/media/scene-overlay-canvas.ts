import type { Planes } from './planes.js';
import {
  createPaddedPlanes,
  paintFrame,
  type SceneCanvas,
  stepFrame,
  trackedCanvas,
} from './scene-canvas.js';
import { createSceneLayout, type LayoutOptions } from './scene-layout.js';
import { paintImageOverlay, paintPanelOverlay, type SceneOverlay } from './scene-overlay.js';

/**
 * A scene canvas with overlays. Frames are grouped in stages (how many overlays have started);
 * each stage has its own static layer: the scene's, plus the latest image and every panel
 * started so far. While an image is shown the moving block is hidden (it would hide the image
 * and make every frame expensive to encode). Within a stage, seeking is incremental as in
 * `createSceneCanvas`; crossing stages repaints the whole frame.
 * @example
 * const canvas = createOverlaySceneCanvas(layoutOptions, [{ kind: 'panel', fromFrame: 30, lines: ['INPUT VIDEO'] }]);
 */
export function createOverlaySceneCanvas(
  options: LayoutOptions,
  overlays: readonly SceneOverlay[],
): SceneCanvas {
  const layout = createSceneLayout(options);
  const sorted = [...overlays].sort((a, b) => a.fromFrame - b.fromFrame);
  const stageOf = (index: number): number => sorted.filter((overlay) => overlay.fromFrame <= index).length;
  const showsImage = (stage: number): boolean =>
    sorted.slice(0, stage).some((overlay) => overlay.kind === 'image');
  const bases = new Map<number, Planes>();
  const baseOf = (stage: number): Planes => {
    const cached = bases.get(stage);
    if (cached) return cached;
    const base = createPaddedPlanes(options);
    layout.drawStatic(base);
    const started = sorted.slice(0, stage);
    const image = started.filter((overlay) => overlay.kind === 'image').at(-1);
    if (image?.kind === 'image') paintImageOverlay(base, layout.band, image);
    let slot = 0;
    for (const overlay of started)
      if (overlay.kind === 'panel') paintPanelOverlay(base, layout.band, overlay, layout.textScale, slot++);
    bases.set(stage, base);
    return base;
  };
  const elementsOf = (stage: number) =>
    showsImage(stage) ? layout.dynamic.filter((element) => element.role !== 'block') : layout.dynamic;

  const planes = createPaddedPlanes(options);
  const full = { x0: 0, y0: 0, x1: planes.width, y1: planes.height };
  let stage = stageOf(0);
  paintFrame(baseOf(stage), planes, elementsOf(stage), 0);
  return trackedCanvas(planes, (from, to) => {
    const next = stageOf(to);
    if (next === stage) return stepFrame(baseOf(stage), planes, elementsOf(stage), from, to);
    paintFrame(baseOf(next), planes, elementsOf(next), to);
    stage = next;
    return [full];
  });
}
