/**
 * A bounded LRU of rendered media keyed by render parameters, so content routes know the exact
 * `content-length` and never render the same output twice while it is cached. Concurrent
 * requests for the same output share one render.
 * @module
 */

import type { JobView } from '../engine/job-view.js';
import { createMinHeap } from '../engine/min-heap.js';
import { type MediaRenderJob, renderMediaJob } from '../media/render-media.js';
import type { SceneSegment } from '../media/scene-segment-canvas.js';
import type { MediaOverlay } from '../media/upload-overlay.js';

/** The job a render belongs to: its entries are dropped when it is deleted or expires. */
export interface RenderOwner {
  /** Identifies the job (see {@link renderOwner}). */
  readonly key: string;
  /** When the job expires (emulated ms), or null when not known. */
  readonly expiresAt: number | null;
}

/** The owner of the renders of a present job's outputs. */
export function renderOwner(view: Pick<JobView, 'job' | 'expiresAt'>): RenderOwner {
  return { key: renderOwnerKey(view.job), expiresAt: view.expiresAt };
}

/** The owner key of a job's renders: partition and id. */
export function renderOwnerKey(job: { readonly partition: string; readonly id: string }): string {
  return `${job.partition}\n${job.id}`;
}

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
   * Inputs shown in the picture (Sora 1 uploads, the Sora 2 `input_reference`), built only when
   * a render is needed; uploads stay encoded (`UploadSceneOverlay`) and the render decodes them,
   * on a render worker in Node, so a cached answer never decodes them again and the event loop
   * never does.
   */
  overlays?: () => readonly MediaOverlay[] | Promise<readonly MediaOverlay[]>;
  /** Identifies `overlays` in the cache key (e.g. a digest of the inputs); give it with `overlays`. */
  overlayKey?: string;
  /** The job the output belongs to; not part of the key. Without it the entry only leaves by LRU. */
  owner?: RenderOwner;
  /** Later parts of a stitched video (Sora 2 extensions), each with its own seed and caption. */
  segments?: readonly SceneSegment[];
}

/**
 * A function that renders a request (injectable for tests of the cache itself). `onPart`, when
 * given, sees the output's parts as they are produced (a video's MP4 fragments); the resolved
 * bytes are those parts concatenated.
 */
export type Renderer = (request: RenderRequest, onPart?: (part: Uint8Array) => void) => Promise<Uint8Array>;

/**
 * An output as {@link RenderCache.open} has it: the whole cached bytes, a still in flight (its
 * whole bytes to come), or a video render in flight whose parts can be read as they come
 * (`parts`, from the first part on) while `bytes` settles with the whole output.
 */
export type OpenedRender =
  | { readonly bytes: Uint8Array | Promise<Uint8Array>; readonly parts?: undefined }
  | { readonly bytes: Promise<Uint8Array>; readonly parts: () => ReadableStream<Uint8Array> };

/** Options of {@link createRenderCache}. */
export interface RenderCacheOptions {
  /** Largest total bytes kept (default 256 MiB). Outputs bigger than this are rendered, not kept. */
  maxBytes?: number;
  /** The renderer (default: the emulator's media renderers). */
  render?: Renderer;
  /** Emulated time, to drop the entries of expired owners on each `get` (default: never by time). */
  now?: () => number;
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
  /**
   * The cached bytes of `request`, or its render (started now or already in flight, shared)
   * with a stream of its parts as they are produced, so a first download can start early.
   */
  open(request: RenderRequest): OpenedRender;
  /** Drops every entry of the owner `key` (its job was deleted); returns how many. */
  forget(key: string): number;
  /** Drops every entry whose owner expired at or before `now`; returns how many. O(expired). */
  expire(now: number): number;
  /** Drops every entry. */
  clear(): void;
  /** Current statistics. */
  stats(): RenderCacheStats;
}

/** The plain-data job of `request` (its overlays built now), for in-thread or pooled rendering. */
export async function toMediaJob(request: RenderRequest): Promise<MediaRenderJob> {
  const overlays = await request.overlays?.();
  return {
    variant: request.variant,
    width: request.width,
    height: request.height,
    seconds: request.seconds,
    seed: request.seed,
    caption: request.caption,
    ...(request.format === undefined ? {} : { format: request.format }),
    ...(request.audio === undefined ? {} : { audio: request.audio }),
    ...(request.label === undefined ? {} : { label: request.label }),
    ...(overlays === undefined ? {} : { overlays }),
    ...(request.segments === undefined ? {} : { segments: request.segments }),
  };
}

/** The emulator's in-thread renderer: MP4 with optional audio, WebP/JPEG thumbnail, JPEG spritesheet. */
export const renderMedia: Renderer = async (request, onPart) =>
  renderMediaJob(await toMediaJob(request), onPart);

/** A render in flight: its parts so far, who reads them next, and the whole output. */
interface Flight {
  readonly promise: Promise<Uint8Array>;
  readonly parts: Uint8Array[];
  readonly readers: Set<(part: Uint8Array) => void>;
}

/** A stream of `flight`'s parts: those produced so far, then each new one, closing at the end. */
function partsOf(flight: Flight): ReadableStream<Uint8Array> {
  let reader: ((part: Uint8Array) => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of flight.parts) controller.enqueue(part);
      reader = (part) => controller.enqueue(part);
      flight.readers.add(reader);
      flight.promise.then(
        () => {
          if (reader !== undefined && flight.readers.delete(reader)) controller.close();
        },
        (error: unknown) => {
          if (reader !== undefined && flight.readers.delete(reader)) controller.error(error);
        },
      );
    },
    cancel() {
      if (reader !== undefined) flight.readers.delete(reader);
    },
  });
}

function cacheKey(request: RenderRequest): string {
  const { variant, format, width, height, seconds, audio, seed, caption, label, overlayKey, segments } =
    request;
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
    segments ?? null,
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
  // Map order is recency order: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, { bytes: Uint8Array; owner: string | null }>();
  const inFlight = new Map<string, Flight>();
  const byOwner = new Map<string, Set<string>>();
  const expiries = createMinHeap<string>();
  const ownerExpiry = new Map<string, number>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const drop = (key: string): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    bytes -= entry.bytes.byteLength;
    if (entry.owner === null) return;
    const keys = byOwner.get(entry.owner);
    keys?.delete(key);
    if (keys?.size === 0) {
      byOwner.delete(entry.owner);
      ownerExpiry.delete(entry.owner);
    }
  };
  const forget = (owner: string): number => {
    const keys = [...(byOwner.get(owner) ?? [])];
    for (const key of keys) drop(key);
    return keys.length;
  };
  const expire = (now: number): number => {
    let dropped = 0;
    for (let at = expiries.peekKey(); at !== undefined && at <= now; at = expiries.peekKey()) {
      const owner = expiries.pop() as string;
      if (ownerExpiry.get(owner) === at) dropped += forget(owner);
    }
    return dropped;
  };
  const keep = (key: string, value: Uint8Array, owner: RenderOwner | undefined): void => {
    if (value.byteLength > maxBytes) return;
    if (owner?.expiresAt != null && options.now !== undefined && owner.expiresAt <= options.now()) return;
    drop(key);
    entries.set(key, { bytes: value, owner: owner?.key ?? null });
    bytes += value.byteLength;
    if (owner !== undefined) {
      let keys = byOwner.get(owner.key);
      if (keys === undefined) {
        keys = new Set();
        byOwner.set(owner.key, keys);
      }
      keys.add(key);
      if (owner.expiresAt !== null && ownerExpiry.get(owner.key) !== owner.expiresAt) {
        ownerExpiry.set(owner.key, owner.expiresAt);
        expiries.push(owner.expiresAt, owner.key);
      }
    }
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  };

  const lookup = (request: RenderRequest): { key: string; cached?: Uint8Array; flight?: Flight } => {
    if (options.now !== undefined) expire(options.now());
    const key = cacheKey(request);
    const cached = entries.get(key);
    if (cached !== undefined) {
      hits++;
      entries.delete(key);
      entries.set(key, cached);
      return { key, cached: cached.bytes };
    }
    const pending = inFlight.get(key);
    if (pending !== undefined) {
      hits++;
      return { key, flight: pending };
    }
    misses++;
    const parts: Uint8Array[] = [];
    const readers = new Set<(part: Uint8Array) => void>();
    const promise = render(request, (part) => {
      parts.push(part);
      for (const reader of readers) reader(part);
    })
      .then((value) => {
        keep(key, value, request.owner);
        return value;
      })
      .finally(() => inFlight.delete(key));
    const flight: Flight = { promise, parts, readers };
    inFlight.set(key, flight);
    return { key, flight };
  };

  return {
    async get(request) {
      const found = lookup(request);
      return found.cached ?? (found.flight as Flight).promise;
    },
    open(request) {
      const found = lookup(request);
      if (found.cached !== undefined) return { bytes: found.cached };
      const flight = found.flight as Flight;
      // Only a video comes in several parts; a still is one, sent whole with its length.
      if (request.variant !== 'video') return { bytes: flight.promise };
      return { bytes: flight.promise, parts: () => partsOf(flight) };
    },
    forget,
    expire,
    clear() {
      entries.clear();
      byOwner.clear();
      ownerExpiry.clear();
      while (expiries.size > 0) expiries.pop();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
