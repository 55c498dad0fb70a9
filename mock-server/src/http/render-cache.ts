/**
 * A bounded LRU of rendered media keyed by render parameters, so content routes know the exact
 * `content-length` and never render the same output twice while it is cached. Concurrent
 * requests for the same output share one render.
 * @module
 */

import { renderSpritesheet } from '../media/render-spritesheet.js';
import { renderThumbnail } from '../media/render-thumbnail.js';
import { renderVideo } from '../media/render-video.js';
import type { SceneOverlay } from '../media/scene-overlay.js';

/** What to render: one output of one job. Same request, same bytes. */
export interface RenderRequest {
  /** `video` (MP4), `thumbnail` (first frame) or `spritesheet` (JPEG grid). */
  variant: 'video' | 'thumbnail' | 'spritesheet';
  /** Thumbnail format (default `webp`; Sora 1 uses `jpeg`). Ignored for other variants. */
  format?: 'webp' | 'jpeg';
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Duration in seconds. */
  seconds: number;
  /** Whether the MP4 has an audio track (Sora 2). Ignored for images. */
  audio?: boolean;
  /** Scene seed (e.g. the job or generation id). */
  seed: string;
  /** Caption drawn on the frames (the prompt). */
  caption: string;
  /** Second text line (e.g. the id). */
  label?: string;
  /**
   * Inputs shown in the picture (Sora 1 uploads), built only when a render is needed, so a
   * cached answer never decodes the uploads again.
   */
  overlays?: () => readonly SceneOverlay[];
  /** Identifies `overlays` in the cache key (e.g. a digest of the inputs); give it with `overlays`. */
  overlayKey?: string;
}

/** A function that renders a request (injectable for tests of the cache itself). */
export type Renderer = (request: RenderRequest) => Promise<Uint8Array>;

/** Options of {@link createRenderCache}. */
export interface RenderCacheOptions {
  /** Largest total bytes kept (default 256 MiB). Outputs bigger than this are rendered, not kept. */
  maxBytes?: number;
  /** The renderer (default: the emulator's media renderers). */
  render?: Renderer;
}

/** Cache statistics. */
export interface RenderCacheStats {
  /** Entries kept. */
  readonly entries: number;
  /** Bytes kept. */
  readonly bytes: number;
  /** Answers served from the cache or from a render in flight. */
  readonly hits: number;
  /** Renders started. */
  readonly misses: number;
}

/** The cache. */
export interface RenderCache {
  /** The bytes of `request`, rendered at most once while cached. */
  get(request: RenderRequest): Promise<Uint8Array>;
  /** Drops every entry. */
  clear(): void;
  /** Current statistics. */
  stats(): RenderCacheStats;
}

/** The emulator's renderer: MP4 with optional audio, WebP/JPEG thumbnail, JPEG spritesheet. */
export const renderMedia: Renderer = (request) => {
  const scene = {
    width: request.width,
    height: request.height,
    seconds: request.seconds,
    seed: request.seed,
    caption: request.caption,
    ...(request.label === undefined ? {} : { label: request.label }),
    ...(request.overlays === undefined ? {} : { overlays: request.overlays() }),
  };
  if (request.variant === 'video') return renderVideo({ ...scene, audio: request.audio ?? false });
  if (request.variant === 'thumbnail') return renderThumbnail({ ...scene, format: request.format ?? 'webp' });
  return renderSpritesheet(scene);
};

function cacheKey(request: RenderRequest): string {
  const { variant, format, width, height, seconds, audio, seed, caption, label, overlayKey } = request;
  return JSON.stringify([
    variant,
    variant === 'thumbnail' ? (format ?? 'webp') : null,
    width,
    height,
    seconds,
    variant === 'video' ? (audio ?? false) : null,
    seed,
    caption,
    label ?? null,
    overlayKey ?? null,
  ]);
}

/**
 * Creates a render cache.
 * @example
 * const cache = createRenderCache({ maxBytes: 64 << 20 });
 * const mp4 = await cache.get({ variant: 'video', width: 1280, height: 720, seconds: 4, audio: true, seed: 'video_1', caption: 'a red balloon' });
 */
export function createRenderCache(options: RenderCacheOptions = {}): RenderCache {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const render = options.render ?? renderMedia;
  const entries = new Map<string, Uint8Array>();
  const inFlight = new Map<string, Promise<Uint8Array>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const keep = (key: string, value: Uint8Array): void => {
    if (value.byteLength > maxBytes) return;
    entries.set(key, value);
    bytes += value.byteLength;
    for (const [oldest, old] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(oldest);
      bytes -= old.byteLength;
    }
  };

  return {
    async get(request) {
      const key = cacheKey(request);
      const cached = entries.get(key);
      if (cached !== undefined) {
        hits++;
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      const pending = inFlight.get(key);
      if (pending !== undefined) {
        hits++;
        return pending;
      }
      misses++;
      const promise = render(request).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      const value = await promise;
      keep(key, value);
      return value;
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
