/**
 * Overlays: what a job's inputs add to its scene, so a user can see that they were used. An
 * uploaded image is shown in the scene's central band from its frame on; an input the
 * emulator cannot decode (an H.264 video) is shown as a labelled panel from its frame on.
 * @module
 */
import { rgbaToI420 } from './color.js';
import type { RgbaImage } from './image/rgba-image.js';
import { type CropFractions, scaleAndCrop } from './image/scale-and-crop.js';
import { drawText, fillRect, type Planes, type Rect, textBounds } from './planes.js';
import { rgbToYuv } from './scene-palette.js';

/** An image shown from `fromFrame` on, until a later image replaces it. */
export interface ImageSceneOverlay {
  /** Discriminant. */
  readonly kind: 'image';
  /** First frame that shows the image (0-based). */
  readonly fromFrame: number;
  /** The decoded image. */
  readonly image: RgbaImage;
  /** Part of the image to show (default: all of it). */
  readonly crop?: CropFractions;
}

/** A panel of text lines shown from `fromFrame` to the end. */
export interface PanelSceneOverlay {
  /** Discriminant. */
  readonly kind: 'panel';
  /** First frame that shows the panel (0-based). */
  readonly fromFrame: number;
  /** Text lines, e.g. `INPUT VIDEO`, the file name, its size and duration. */
  readonly lines: readonly string[];
}

/** Something the scene shows from a frame on. */
export type SceneOverlay = ImageSceneOverlay | PanelSceneOverlay;

/** Checks overlay options. @returns a message, or undefined when valid */
export function overlayProblem(overlay: SceneOverlay): string | undefined {
  if (!Number.isInteger(overlay.fromFrame) || overlay.fromFrame < 0)
    return `fromFrame must be an integer >= 0, got ${overlay.fromFrame}`;
  if (overlay.kind === 'image') {
    const { width, height, rgba } = overlay.image;
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
      return `image size must be positive integers, got ${width}x${height}`;
    if (rgba.length !== width * height * 4) return `image must hold ${width * height * 4} RGBA bytes`;
  }
  return undefined;
}

const PANEL_INK = rgbToYuv(255, 255, 255);
const PANEL_FILL = rgbToYuv(24, 24, 32);
const PANEL_EDGE = rgbToYuv(255, 196, 0);

/** The largest even-sized rectangle of the crop's aspect ratio that fits the band, centred. */
function fitIn(band: Rect, image: RgbaImage, crop: CropFractions): Rect {
  const sourceWidth = (crop.right - crop.left) * image.width;
  const sourceHeight = (crop.bottom - crop.top) * image.height;
  const bandWidth = band.x1 - band.x0;
  const bandHeight = band.y1 - band.y0;
  const scale = Math.min(bandWidth / sourceWidth, bandHeight / sourceHeight);
  const width = Math.max(2, Math.floor((sourceWidth * scale) / 2) * 2);
  const height = Math.max(2, Math.floor((sourceHeight * scale) / 2) * 2);
  const x0 = band.x0 + Math.floor((bandWidth - width) / 4) * 2;
  const y0 = band.y0 + Math.floor((bandHeight - height) / 4) * 2;
  return { x0, y0, x1: x0 + width, y1: y0 + height };
}

/**
 * Paints an image overlay into the band: the crop, scaled to fit the band with its aspect ratio
 * kept, centred, on even coordinates so its chroma lands exactly.
 */
export function paintImageOverlay(planes: Planes, band: Rect, overlay: ImageSceneOverlay): void {
  const crop = overlay.crop ?? { left: 0, top: 0, right: 1, bottom: 1 };
  const rect = fitIn(band, overlay.image, crop);
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const scaled = scaleAndCrop(overlay.image, crop, width, height);
  const frame = rgbaToI420(scaled.rgba, width, height);
  for (let row = 0; row < height; row++)
    planes.y.set(frame.y.subarray(row * width, (row + 1) * width), (rect.y0 + row) * planes.width + rect.x0);
  const cw = width >> 1;
  const stride = planes.width >> 1;
  for (let row = 0; row < height >> 1; row++) {
    const at = ((rect.y0 >> 1) + row) * stride + (rect.x0 >> 1);
    planes.u.set(frame.u.subarray(row * cw, (row + 1) * cw), at);
    planes.v.set(frame.v.subarray(row * cw, (row + 1) * cw), at);
  }
}

/**
 * Paints a panel overlay: a framed box of text lines, centred in the band (the `slot`-th panel
 * is stacked below the previous ones). Lines longer than the band are cut.
 */
export function paintPanelOverlay(
  planes: Planes,
  band: Rect,
  overlay: PanelSceneOverlay,
  textScale: number,
  slot = 0,
): void {
  const advance = 6;
  const maxChars = Math.max(1, Math.floor((band.x1 - band.x0 - 8 * textScale) / (advance * textScale)));
  const lines = overlay.lines.map((line) => line.slice(0, maxChars).toUpperCase());
  const lineHeight = 10 * textScale;
  const widest = Math.max(
    ...lines.map((line) => textBounds(line, { x: 0, y: 0, scale: textScale, advance, color: PANEL_INK }).x1),
  );
  const padding = 3 * textScale;
  const boxWidth = widest + 2 * padding;
  const boxHeight = lines.length * lineHeight + 2 * padding - 3 * textScale;
  const x0 = band.x0 + Math.max(0, Math.floor((band.x1 - band.x0 - boxWidth) / 2));
  const y0 = band.y0 + padding + slot * (boxHeight + padding);
  const box = { x0, y0, x1: x0 + boxWidth, y1: y0 + boxHeight };
  const edge = Math.max(1, textScale >> 1);
  fillRect(
    planes,
    { x0: box.x0 - edge, y0: box.y0 - edge, x1: box.x1 + edge, y1: box.y1 + edge },
    PANEL_EDGE,
  );
  fillRect(planes, box, PANEL_FILL);
  for (const [i, line] of lines.entries()) {
    drawText(planes, line, {
      x: x0 + padding,
      y: y0 + padding + i * lineHeight,
      scale: textScale,
      advance,
      color: PANEL_INK,
    });
  }
}
