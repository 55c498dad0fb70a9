import { font5x7, GLYPH_HEIGHT, GLYPH_WIDTH } from './font-5x7.js';
import type { Yuv } from './scene-palette.js';

/** A rectangle in luma pixels, half-open: x0 <= x < x1, y0 <= y < y1. */
export interface Rect {
  /** Left edge (inclusive). */
  x0: number;
  /** Top edge (inclusive). */
  y0: number;
  /** Right edge (exclusive). */
  x1: number;
  /** Bottom edge (exclusive). */
  y1: number;
}

/** Mutable planar YUV 4:2:0 pixels; width and height are even. */
export interface Planes {
  /** Luma width, also the luma stride. */
  width: number;
  /** Luma height. */
  height: number;
  /** Luma samples. */
  y: Uint8Array;
  /** Cb samples, (width/2) x (height/2). */
  u: Uint8Array;
  /** Cr samples, (width/2) x (height/2). */
  v: Uint8Array;
}

/** Allocates planes of an even size, filled with black. */
export function createPlanes(width: number, height: number): Planes {
  const chroma = (width >> 1) * (height >> 1);
  return {
    width,
    height,
    y: new Uint8Array(width * height).fill(16),
    u: new Uint8Array(chroma).fill(128),
    v: new Uint8Array(chroma).fill(128),
  };
}

/** Clips a rectangle to the planes; undefined when nothing is left. */
export function clipRect(planes: Planes, rect: Rect): Rect | undefined {
  const x0 = Math.max(0, Math.floor(rect.x0));
  const y0 = Math.max(0, Math.floor(rect.y0));
  const x1 = Math.min(planes.width, Math.ceil(rect.x1));
  const y1 = Math.min(planes.height, Math.ceil(rect.y1));
  return x0 < x1 && y0 < y1 ? { x0, y0, x1, y1 } : undefined;
}

/** The part of `rect` inside `clip` (empty when they do not meet: x0 >= x1 or y0 >= y1). */
export function intersectRect(rect: Rect, clip: Rect): Rect {
  return {
    x0: Math.max(rect.x0, clip.x0),
    y0: Math.max(rect.y0, clip.y0),
    x1: Math.min(rect.x1, clip.x1),
    y1: Math.min(rect.y1, clip.y1),
  };
}

/** Fills a rectangle; chroma covers every 2x2 block the rectangle touches. */
export function fillRect(planes: Planes, rect: Rect, color: Yuv): void {
  const r = clipRect(planes, rect);
  if (!r) return;
  for (let y = r.y0; y < r.y1; y++) planes.y.fill(color.y, y * planes.width + r.x0, y * planes.width + r.x1);
  const cw = planes.width >> 1;
  const cx0 = r.x0 >> 1;
  const cx1 = (r.x1 + 1) >> 1;
  for (let y = r.y0 >> 1; y < (r.y1 + 1) >> 1; y++) {
    planes.u.fill(color.u, y * cw + cx0, y * cw + cx1);
    planes.v.fill(color.v, y * cw + cx0, y * cw + cx1);
  }
}

/** Copies a rectangle from one set of planes to another of the same size. */
export function copyRect(from: Planes, to: Planes, rect: Rect): void {
  const r = clipRect(to, rect);
  if (!r) return;
  const w = to.width;
  const cw = w >> 1;
  copyRows(from.y, to.y, w, r.x0, r.x1, r.y0, r.y1);
  const cx0 = r.x0 >> 1;
  const cx1 = (r.x1 + 1) >> 1;
  copyRows(from.u, to.u, cw, cx0, cx1, r.y0 >> 1, (r.y1 + 1) >> 1);
  copyRows(from.v, to.v, cw, cx0, cx1, r.y0 >> 1, (r.y1 + 1) >> 1);
}

/** Copies columns x0..x1 of rows y0..y1 between planes of one stride (short rows by a loop: no views). */
function copyRows(
  from: Uint8Array,
  to: Uint8Array,
  stride: number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): void {
  for (let y = y0; y < y1; y++) {
    const start = y * stride + x0;
    const end = y * stride + x1;
    if (x1 - x0 > 64) to.set(from.subarray(start, end), start);
    else for (let i = start; i < end; i++) to[i] = from[i] as number;
  }
}

/** Text placement: top-left corner, font-pixel scale and character advance in font pixels. */
export interface TextStyle {
  /** Left edge in luma pixels. */
  x: number;
  /** Top edge in luma pixels. */
  y: number;
  /** Luma pixels per font pixel (even keeps chroma crisp). */
  scale: number;
  /** Advance per character in font pixels (at least GLYPH_WIDTH). */
  advance: number;
  /** Ink colour. */
  color: Yuv;
}

/** The rectangle a line of text covers (full character cells, GLYPH_HEIGHT + 1 rows high). */
export function textBounds(text: string, style: TextStyle): Rect {
  return {
    x0: style.x,
    y0: style.y,
    x1: style.x + text.length * style.advance * style.scale,
    y1: style.y + (GLYPH_HEIGHT + 1) * style.scale,
  };
}

/**
 * Draws one line of text with the embedded 5x7 font; only ink pixels are written, and with `clip`
 * only those inside it.
 */
export function drawText(planes: Planes, text: string, style: TextStyle, clip?: Rect): void {
  const s = style.scale;
  for (let i = 0; i < text.length; i++) {
    const glyph = font5x7(text[i] as string);
    const left = style.x + i * style.advance * s;
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (glyph[gy * GLYPH_WIDTH + gx] !== 1) continue;
        const x0 = left + gx * s;
        const y0 = style.y + gy * s;
        const dot = { x0, y0, x1: x0 + s, y1: y0 + s };
        fillRect(planes, clip === undefined ? dot : intersectRect(dot, clip), style.color);
      }
    }
  }
}
