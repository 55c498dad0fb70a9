/**
 * Seeded id generation. Each id family draws from its own stream (seed + family), so e.g. the
 * request ids of extra GETs never shift the next video id. Same seed + same calls = same ids.
 * @module
 */

import {
  createSeededRandom,
  type ResumableRandom,
  type SeededRandom,
  type SeededRandomState,
} from './seeded-random.js';

/** Produces every id the emulator sends. Ids passed `atMs` embed that time like the real services. */
export interface IdSource {
  /** The seed in use. */
  readonly seed: string;
  /** `video_` + 32 lowercase hex; with `atMs`, the first 8 hex are its Unix seconds (as OpenAI ids). */
  videoId(atMs?: number): string;
  /** `task_` + 26 lowercase Crockford base32; with `atMs`, a ULID whose first 10 chars encode it. */
  taskId(atMs?: number): string;
  /** `gen_` + 26 lowercase Crockford base32; same layout as {@link IdSource.taskId}. */
  generationId(atMs?: number): string;
  /** `char_` + 32 lowercase hex; with `atMs`, time-prefixed like videoId. */
  characterId(atMs?: number): string;
  /** `req_` + 32 lowercase hex (OpenAI `x-request-id`). */
  requestId(): string;
  /** `evt_` + 32 lowercase hex (webhook event id); with `atMs`, time-prefixed like videoId. */
  eventId(atMs?: number): string;
  /** A UUID in v4 layout (Azure `apim-request-id`). */
  uuid(): string;
  /** Restarts every stream from the seed. */
  reset(): void;
  /** The position of every stream drawn from so far (a durable emulator saves it). */
  positions(): IdStreamPositions;
  /** Continues each given stream from its saved position (ids then never repeat across restarts). */
  resume(positions: IdStreamPositions): void;
}

/** Stream positions by id family (`video`, `task`, `generation`, `request`, `event`, `uuid`). */
export type IdStreamPositions = { readonly [family: string]: SeededRandomState };

/** Options of {@link createIdSource}. */
export interface IdSourceOptions {
  /** Seed string or number (default `'sora-kit'`). */
  seed?: string | number;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** Two lowercase hex digits per byte value (a table: ids are drawn on every request). */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(random: SeededRandom, chars: number): string {
  let out = '';
  while (out.length < chars) {
    const value = random();
    out +=
      (BYTE_HEX[value >>> 24] as string) +
      BYTE_HEX[(value >>> 16) & 0xff] +
      BYTE_HEX[(value >>> 8) & 0xff] +
      BYTE_HEX[value & 0xff];
  }
  return out.length === chars ? out : out.slice(0, chars);
}

function base32(random: SeededRandom, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) out += CROCKFORD[random() >>> 27];
  return out;
}

function base32Time(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function secondsHex(ms: number): string {
  return (Math.max(0, Math.floor(ms / 1000)) % 0x1_0000_0000).toString(16).padStart(8, '0');
}

/**
 * Creates a deterministic id source.
 * @example
 * const ids = createIdSource({ seed: 42 });
 * ids.videoId(Date.UTC(2026, 0, 1)); // 'video_69559d80…' on every run
 */
export function createIdSource(options: IdSourceOptions = {}): IdSource {
  const seed = String(options.seed ?? 'sora-kit');
  const streams = new Map<string, ResumableRandom>();
  const stream = (family: string): SeededRandom => {
    let random = streams.get(family);
    if (random === undefined) {
      random = createSeededRandom(`${seed}\u0000${family}`);
      streams.set(family, random);
    }
    return random;
  };
  const timedHex = (family: string, prefix: string, atMs?: number) =>
    atMs === undefined
      ? prefix + hex(stream(family), 32)
      : prefix + secondsHex(atMs) + hex(stream(family), 24);
  const ulid = (family: string, prefix: string, atMs?: number) =>
    atMs === undefined
      ? prefix + base32(stream(family), 26)
      : prefix + base32Time(atMs) + base32(stream(family), 16);

  return {
    seed,
    videoId: (atMs) => timedHex('video', 'video_', atMs),
    taskId: (atMs) => ulid('task', 'task_', atMs),
    generationId: (atMs) => ulid('generation', 'gen_', atMs),
    characterId: (atMs) => timedHex('character', 'char_', atMs),
    requestId: () => `req_${hex(stream('request'), 32)}`,
    eventId: (atMs) => timedHex('event', 'evt_', atMs),
    uuid() {
      const h = hex(stream('uuid'), 32);
      const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    reset: () => streams.clear(),
    positions: () => Object.fromEntries([...streams].map(([family, random]) => [family, random.state()])),
    resume(positions) {
      for (const [family, state] of Object.entries(positions)) {
        streams.set(family, createSeededRandom(`${seed}\u0000${family}`, state));
      }
    },
  };
}
