import { createSceneCanvas, type SceneCanvas } from './scene-canvas.js';
import { overlayProblem, type SceneOverlay } from './scene-overlay.js';
import { createOverlaySceneCanvas } from './scene-overlay-canvas.js';
import { createSegmentedSceneCanvas, type SceneSegment, segmentProblem } from './scene-segment-canvas.js';

/** Options of the synthetic picture every emulator output shows. */
export interface SceneOptions {
  /** Frame width in pixels (positive integer; the video encoder also needs it even). */
  width: number;
  /** Frame height in pixels (positive integer; the video encoder also needs it even). */
  height: number;
  /** Duration in seconds (> 0). */
  seconds: number;
  /** Frames per second; default 30. */
  fps?: number;
  /** Seed of colours and motion: different seeds give different pictures. */
  seed: number | string;
  /** Caption drawn at the top, typically the prompt (its first words are shown). */
  caption: string;
  /** Second text line, e.g. the job id. */
  label?: string;
  /** Inputs shown from a frame on (uploaded images, labelled panels); none by default. */
  overlays?: readonly SceneOverlay[];
  /**
   * Later parts of a stitched video, each from its frame on with its own seed and caption (the
   * options' own seed and caption are the first part); none by default.
   */
  segments?: readonly SceneSegment[];
}

/** One frame in planar YUV 4:2:0 (BT.601 limited range): y is width*height (stride width); u and v are ceil(width/2)*ceil(height/2). */
export interface I420Frame {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Luma, stride `width`. */
  y: Uint8Array;
  /** Cb, stride ceil(width/2). */
  u: Uint8Array;
  /** Cr, stride ceil(width/2). */
  v: Uint8Array;
}

/** A deterministic animation: the same options always give the same frames. */
export interface Scene {
  /** The options with defaults applied. */
  readonly options: Required<Pick<SceneOptions, 'width' | 'height' | 'seconds' | 'fps'>> & SceneOptions;
  /** round(seconds * fps), at least 1. */
  readonly frameCount: number;
  /** Renders any frame (random access, deterministic); indexes are clamped to [0, frameCount). */
  frameAt(index: number): I420Frame;
}

/** Thrown when scene or render options are out of range. */
export class MediaOptionsError extends RangeError {
  /** The offending option. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.name = 'MediaOptionsError';
    this.option = option;
  }
}

/** Validates scene options and applies defaults. */
export function resolveSceneOptions(options: SceneOptions): Scene['options'] {
  const fps = options.fps ?? 30;
  const check = (name: string, value: number, max: number) => {
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new MediaOptionsError(name, `${name} must be an integer in 1..${max}, got ${value}`);
  };
  check('width', options.width, 8192);
  check('height', options.height, 8192);
  check('fps', fps, 240);
  if (!(Number.isFinite(options.seconds) && options.seconds > 0 && options.seconds <= 3600))
    throw new MediaOptionsError('seconds', `seconds must be in (0, 3600], got ${options.seconds}`);
  for (const overlay of options.overlays ?? []) {
    const problem = overlayProblem(overlay);
    if (problem !== undefined) throw new MediaOptionsError('overlays', `overlays: ${problem}`);
  }
  const segmentIssue = segmentProblem(options.segments ?? []);
  if (segmentIssue !== undefined) throw new MediaOptionsError('segments', `segments: ${segmentIssue}`);
  return { ...options, fps };
}

/** The number of frames a duration needs at a frame rate. */
export function frameCountOf(seconds: number, fps: number): number {
  return Math.max(1, Math.round(seconds * fps));
}

/** A scene canvas for the resolved options (the encoder's incremental view of a scene). */
export function createCanvasFor(options: Scene['options']): SceneCanvas {
  const frameCount = frameCountOf(options.seconds, options.fps);
  const layout = {
    width: options.width,
    height: options.height,
    fps: options.fps,
    frameCount,
    seed: options.seed,
    caption: options.caption,
    ...(options.label === undefined ? {} : { label: options.label }),
  };
  const overlays = options.overlays ?? [];
  const segments = (options.segments ?? []).filter((segment) => segment.fromFrame < frameCount);
  if (segments.length > 0) return createSegmentedSceneCanvas(layout, overlays, segments);
  return overlays.length === 0 ? createSceneCanvas(layout) : createOverlaySceneCanvas(layout, overlays);
}

/**
 * Creates the synthetic scene: caption and label text, a running time code, a block bouncing
 * across a band and a progress bar, on a background whose colours come from the seed.
 * @example
 * const scene = createScene({ width: 1280, height: 720, seconds: 4, seed: 'job_1', caption: 'a red balloon' });
 * const frame = scene.frameAt(scene.frameCount - 1); // I420, 1280x720
 */
export function createScene(options: SceneOptions): Scene {
  const resolved = resolveSceneOptions(options);
  const frameCount = frameCountOf(resolved.seconds, resolved.fps);
  let canvas: SceneCanvas | undefined;
  return {
    options: resolved,
    frameCount,
    frameAt(index) {
      canvas ??= createCanvasFor(resolved);
      const clamped = Math.min(frameCount - 1, Math.max(0, Math.floor(Number.isFinite(index) ? index : 0)));
      canvas.seek(clamped);
      const { planes } = canvas;
      const { width, height } = resolved;
      const cw = Math.ceil(width / 2);
      const ch = Math.ceil(height / 2);
      const frame: I420Frame = {
        width,
        height,
        y: new Uint8Array(width * height),
        u: new Uint8Array(cw * ch),
        v: new Uint8Array(cw * ch),
      };
      for (let row = 0; row < height; row++)
        frame.y.set(planes.y.subarray(row * planes.width, row * planes.width + width), row * width);
      const pcw = planes.width >> 1;
      for (let row = 0; row < ch; row++) {
        frame.u.set(planes.u.subarray(row * pcw, row * pcw + cw), row * cw);
        frame.v.set(planes.v.subarray(row * pcw, row * pcw + cw), row * cw);
      }
      return frame;
    },
  };
}
