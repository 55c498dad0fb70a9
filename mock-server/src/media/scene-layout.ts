import {
  drawText,
  fillRect,
  intersectRect,
  type Planes,
  type Rect,
  type TextStyle,
  textBounds,
} from './planes.js';
import { createScenePalette, type Yuv } from './scene-palette.js';

/** The resolved options a layout is computed from. */
export interface LayoutOptions {
  /** Visible width in pixels. */
  width: number;
  /** Visible height in pixels. */
  height: number;
  /** Frames per second. */
  fps: number;
  /** Number of frames. */
  frameCount: number;
  /** Seed of colours and motion. */
  seed: number | string;
  /** Caption text (the prompt). */
  caption: string;
  /** Optional second line, e.g. the job id. */
  label?: string;
}

/** Something that changes from frame to frame; it only ever paints inside its own bounds. */
export interface DynamicElement {
  /** What the element is (overlays hide the moving block while an image is shown). */
  role?: 'clock' | 'block' | 'bar';
  /** Where the element paints at a frame (undefined: nowhere). */
  bounds(index: number): Rect | undefined;
  /** Paints the element at a frame. */
  draw(planes: Planes, index: number): void;
  /**
   * The areas whose pixels can differ between frames `from` and `to` (a subset of both frames'
   * bounds); default: both bounds whole.
   */
  changed?(from: number, to: number): Rect[];
  /**
   * Paints the element at frame `to` inside `areas` only (rectangles on whole 2x2 chroma blocks);
   * the pixels it writes there are those `draw` would write, and it writes nothing outside.
   */
  redraw?(planes: Planes, to: number, areas: readonly Rect[]): void;
}

/** Fills the parts of `rect` inside each area: inside chroma-aligned areas, what `fillRect(rect)` paints there. */
function fillRectIn(planes: Planes, rect: Rect, color: Yuv, areas: readonly Rect[]): void {
  for (const area of areas) fillRect(planes, intersectRect(rect, area), color);
}

/** A scene split into a static layer painted once and elements redrawn per frame. */
export interface SceneLayout {
  /** Paints everything that never changes. */
  drawStatic(planes: Planes): void;
  /** Time code, moving block and progress bar. */
  dynamic: DynamicElement[];
  /** The band the block travels in (full width): where overlays are placed. */
  band: Rect;
  /** Font-pixel scale of the scene's text. */
  textScale: number;
}

const align16 = (v: number) => Math.floor(v / 16) * 16;
const ceil16 = (v: number) => Math.ceil(v / 16) * 16;

function lerp(a: Yuv, b: Yuv, t: number): Yuv {
  return {
    y: Math.round(a.y + (b.y - a.y) * t),
    u: Math.round(a.u + (b.u - a.u) * t),
    v: Math.round(a.v + (b.v - a.v) * t),
  };
}

/**
 * Where a rectangle moved from `a` to `b` changes pixels: for a shift along one axis with overlap,
 * the two strips it uncovered and covered; otherwise both rectangles.
 */
export function movedRectChanges(a: Rect, b: Rect): Rect[] {
  if (a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1) return [];
  const sameRows = a.y0 === b.y0 && a.y1 === b.y1;
  if (sameRows && a.x1 - a.x0 === b.x1 - b.x0 && Math.abs(a.x0 - b.x0) < a.x1 - a.x0) {
    return [
      { x0: Math.min(a.x0, b.x0), y0: a.y0, x1: Math.max(a.x0, b.x0), y1: a.y1 },
      { x0: Math.min(a.x1, b.x1), y0: a.y0, x1: Math.max(a.x1, b.x1), y1: a.y1 },
    ];
  }
  return [a, b];
}

/** The character cells of one line of text where two strings differ (whole bounds if the lengths differ). */
export function textChanges(before: string, after: string, style: TextStyle): Rect[] {
  if (before.length !== after.length) return [textBounds(before, style), textBounds(after, style)];
  const cell = style.advance * style.scale;
  const { y0, y1 } = textBounds(after, style);
  const changes: Rect[] = [];
  for (let i = 0; i < after.length; i++)
    if (before[i] !== after[i])
      changes.push({ x0: style.x + i * cell, y0, x1: style.x + (i + 1) * cell, y1 });
  return changes;
}

/** Splits the caption into at most `lines` lines of `max` characters; the overflow ends in "...". */
export function wrapCaption(caption: string, max: number, lines: number): string[] {
  const words = caption.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = word.slice(0, max);
    if (out.length === lines) break;
  }
  if (line && out.length < lines) out.push(line);
  const used = out.join(' ').split(/\s+/).filter(Boolean).length;
  if (used < words.length && out.length > 0) {
    const last = out[out.length - 1] as string;
    out[out.length - 1] = `${last.slice(0, Math.max(0, max - 3))}...`;
  }
  return out.length > 0 ? out : [''];
}

/** Formats a frame index as mm:ss.ff (ff = frame within the second). */
export function timeCode(index: number, fps: number): string {
  const seconds = Math.floor(index / fps);
  const frame = index % fps;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}.${two(frame)}`;
}

/**
 * Places the caption, label, time code, a block bouncing across a flat band and a progress bar.
 * Everything that moves is aligned to 16-pixel rows and sits on flat colour, so the encoder can
 * describe most changed macroblocks by prediction instead of raw samples.
 */
export function createSceneLayout(options: LayoutOptions): SceneLayout {
  const { width, height, fps, frameCount } = options;
  const palette = createScenePalette(options.seed);
  const scale = Math.max(2, 2 * Math.round(Math.min(width, height) / 540));
  const unit = 8 * scale;
  const margin = unit;
  const maxChars = Math.max(1, Math.floor((width - 2 * margin - unit) / (6 * scale)));
  const lines = wrapCaption(options.caption, maxChars, 2);
  const info = `SORA-KIT EMULATOR ${width}x${height} ${fps}FPS`.slice(0, maxChars);
  const textLines: Array<{ text: string; color: Yuv }> = [
    ...lines.map((text) => ({ text, color: palette.text })),
    ...(options.label ? [{ text: options.label.slice(0, maxChars), color: palette.label }] : []),
    { text: info, color: palette.label },
  ];
  // Text lines are 10 font pixels apart (7 of glyph, 3 of leading).
  const lineHeight = 10 * scale;
  const topPanel = {
    x0: margin,
    y0: margin,
    x1: width - margin,
    y1: margin + unit + lineHeight * textLines.length,
  };

  const barHeight = Math.max(16, align16(unit / 2));
  const barY0 = align16(height - margin - barHeight);
  const barTrack = { x0: margin, y0: barY0, x1: width - margin, y1: barY0 + barHeight };
  const fillEnd = (index: number) =>
    margin + Math.round(((width - 2 * margin) * Math.min(index + 1, frameCount)) / frameCount);

  const clockStyle: TextStyle = {
    x: 2 * margin,
    y: barY0 - 2 * unit,
    scale,
    advance: 8,
    color: palette.text,
  };
  const clockText = timeCode(0, fps);
  const clockBounds = textBounds(clockText, clockStyle);
  const clockPanel = {
    x0: margin,
    y0: clockBounds.y0 - 16,
    x1: clockBounds.x1 + margin,
    y1: clockBounds.y1 + 16,
  };

  const trackY0 = ceil16(topPanel.y1 + margin / 2);
  const trackY1 = Math.max(trackY0 + 32, align16(clockPanel.y0 - margin / 2));
  const side = Math.max(16, align16(Math.min(trackY1 - trackY0 - 32, Math.min(width, height) / 4)));
  const blockY0 = trackY0 + align16((trackY1 - trackY0 - side) / 2);
  const travel = Math.max(0, width - 2 * margin - side);
  const blockAt = (index: number): Rect => {
    const phase = (index / fps / palette.crossSeconds) % 2;
    const x0 = margin + Math.floor(travel * (phase <= 1 ? phase : 2 - phase));
    return { x0, y0: blockY0, x1: x0 + side, y1: blockY0 + side };
  };

  return {
    drawStatic(planes) {
      const cw = planes.width >> 1;
      for (let y = 0; y < planes.height; y++) {
        const c = lerp(palette.top, palette.bottom, y / planes.height);
        planes.y.fill(c.y, y * planes.width, (y + 1) * planes.width);
        // Chroma rows take the colour of their even luma row.
        if (y % 2 === 1) continue;
        planes.u.fill(c.u, (y >> 1) * cw, ((y >> 1) + 1) * cw);
        planes.v.fill(c.v, (y >> 1) * cw, ((y >> 1) + 1) * cw);
      }
      fillRect(planes, topPanel, palette.panel);
      textLines.forEach((line, i) => {
        const style = {
          x: margin + unit / 2,
          y: margin + unit / 2 + scale + i * lineHeight,
          scale,
          advance: 6,
        };
        drawText(planes, line.text, { ...style, color: line.color });
      });
      fillRect(planes, { x0: 0, y0: trackY0, x1: planes.width, y1: trackY1 }, palette.track);
      fillRect(planes, clockPanel, palette.panel);
      fillRect(planes, barTrack, palette.panel);
    },
    band: { x0: 0, y0: trackY0, x1: width, y1: trackY1 },
    textScale: scale,
    dynamic: [
      {
        role: 'clock',
        bounds: () => clockBounds,
        draw: (planes, index) => drawText(planes, timeCode(index, fps), clockStyle),
        changed: (from, to) => textChanges(timeCode(from, fps), timeCode(to, fps), clockStyle),
        // Each character only paints inside its own cell: the characters whose cells meet an area.
        redraw: (planes, to, areas) => {
          const text = timeCode(to, fps);
          const cell = clockStyle.advance * clockStyle.scale;
          const { y0, y1 } = clockBounds;
          for (let i = 0; i < text.length; i++) {
            const x0 = clockStyle.x + i * cell;
            for (const area of areas)
              if (area.x0 < x0 + cell && x0 < area.x1 && area.y0 < y1 && y0 < area.y1)
                drawText(planes, text[i] as string, { ...clockStyle, x: x0 }, area);
          }
        },
      },
      {
        role: 'block',
        bounds: blockAt,
        draw: (planes, index) => fillRect(planes, blockAt(index), palette.block),
        changed: (from, to) => movedRectChanges(blockAt(from), blockAt(to)),
        redraw: (planes, to, areas) => fillRectIn(planes, blockAt(to), palette.block, areas),
      },
      {
        role: 'bar',
        bounds: (index) => ({ ...barTrack, x1: fillEnd(index) }),
        draw: (planes, index) => fillRect(planes, { ...barTrack, x1: fillEnd(index) }, palette.bar),
        changed: (from, to) => {
          const [x0, x1] = [fillEnd(from), fillEnd(to)].sort((a, b) => a - b) as [number, number];
          return x0 === x1 ? [] : [{ ...barTrack, x0, x1 }];
        },
        redraw: (planes, to, areas) =>
          fillRectIn(planes, { ...barTrack, x1: fillEnd(to) }, palette.bar, areas),
      },
    ],
  };
}
