import { copyRect, createPlanes, type Planes } from './planes.js';
import type { SceneCanvas } from './scene-canvas.js';
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
  const paddedWidth = Math.ceil(options.width / 16) * 16;
  const paddedHeight = Math.ceil(options.height / 16) * 16;
  const layout = createSceneLayout(options);
  const sorted = [...overlays].sort((a, b) => a.fromFrame - b.fromFrame);
  const stageOf = (index: number): number => sorted.filter((overlay) => overlay.fromFrame <= index).length;
  const showsImage = (stage: number): boolean =>
    sorted.slice(0, stage).some((overlay) => overlay.kind === 'image');
  const bases = new Map<number, Planes>();
  const baseOf = (stage: number): Planes => {
    const cached = bases.get(stage);
    if (cached) return cached;
    const base = createPlanes(paddedWidth, paddedHeight);
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
  const full = { x0: 0, y0: 0, x1: paddedWidth, y1: paddedHeight };

  const planes = createPlanes(paddedWidth, paddedHeight);
  let current = 0;
  let stage = stageOf(0);
  copyRect(baseOf(stage), planes, full);
  for (const element of elementsOf(stage)) element.draw(planes, 0);
  return {
    planes,
    get index() {
      return current;
    },
    seek(index) {
      if (index === current) return [];
      const next = stageOf(index);
      if (next !== stage) {
        copyRect(baseOf(next), planes, full);
        for (const element of elementsOf(next)) element.draw(planes, index);
        current = index;
        stage = next;
        return [full];
      }
      const base = baseOf(stage);
      const elements = elementsOf(stage);
      const dirty = elements.flatMap((element) =>
        [element.bounds(current), element.bounds(index)].filter((rect) => rect !== undefined),
      );
      for (const rect of dirty) copyRect(base, planes, rect);
      for (const element of elements) element.draw(planes, index);
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
