import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Largest decoder output the helpers accept (256 MiB, enough for 4K RGBA frames). */
const maxBuffer = 1 << 28;

let scratch: string | undefined;

/** Options for {@link decodeRgba}. */
export interface DecodeRgbaOptions {
  /** Expected width; with `height`, the output length is checked against `width * height * bytes per pixel`. */
  width?: number;
  /** Expected height; with `width`, the output length is checked. */
  height?: number;
  /** ffmpeg pixel format of the raw output (default `rgba`, 4 bytes per pixel). */
  pixelFormat?: string;
  /** Decode only the first this many frames (default: all). */
  frames?: number;
}

/**
 * Decodes an image or video file with the real ffmpeg to raw pixels (all frames, concatenated).
 *
 * @example
 * const rgba = decodeRgba(tempFile(webp, 'thumb.webp'), { width: 320, height: 180 });
 */
export function decodeRgba(file: string, options: DecodeRgbaOptions = {}): Buffer {
  const pixelFormat = options.pixelFormat ?? 'rgba';
  const raw = execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-i', file],
      ...(options.frames === undefined ? [] : ['-frames:v', String(options.frames)]),
      ...['-f', 'rawvideo', '-pix_fmt', pixelFormat, '-'],
    ],
    {
      maxBuffer,
    },
  );
  if (options.width !== undefined && options.height !== undefined && pixelFormat === 'rgba') {
    const expected = options.width * options.height * 4;
    if (raw.length % expected !== 0) {
      throw new Error(
        `ffmpeg decoded ${raw.length} bytes, not a multiple of ${options.width}x${options.height} RGBA`,
      );
    }
  }
  return raw;
}

/**
 * Writes one frame of an ffmpeg lavfi `source` (e.g. `testsrc2=size=67x45:rate=1`) with the
 * output `args` (codec, pixel format, quality) to `name` in the scratch directory: a real file
 * made by ffmpeg's (or libwebp's) encoder. Returns its path and bytes.
 *
 * @example
 * const { bytes } = lavfiStill('testsrc2=size=64x64:rate=1', ['-c:v', 'libwebp', '-lossless', '0'], 'lossy.webp');
 */
export function lavfiStill(
  source: string,
  args: readonly string[],
  name: string,
): { file: string; bytes: Buffer } {
  const file = join(tempDir(), name);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', source, '-frames:v', '1', ...args, '-y', file]);
  return { file, bytes: readFileSync(file) };
}

/** Options for {@link probeCsv}. */
export interface ProbeCsvOptions {
  /** ffprobe `-select_streams` specifier, e.g. `v:0`. */
  selectStreams?: string;
  /** Decode to count frames (`-count_frames`), for `nb_read_frames`: a fragmented MP4 has no `nb_frames`. */
  countFrames?: boolean;
}

/**
 * Runs `ffprobe -show_entries <entries> -of csv=p=0` and returns the trimmed text.
 *
 * @example
 * expect(probeCsv(file, 'stream=codec_name,width,height')).toBe('webp,320,180');
 */
export function probeCsv(file: string, entries: string, options: ProbeCsvOptions = {}): string {
  const select = options.selectStreams === undefined ? [] : ['-select_streams', options.selectStreams];
  if (options.countFrames === true) select.push('-count_frames');
  return execFileSync('ffprobe', ['-v', 'error', ...select, '-show_entries', entries, '-of', 'csv=p=0', file])
    .toString()
    .trim();
}

/** ffprobe's JSON answer to `-show_streams -show_format`. */
export interface ProbeResult {
  /** One record per stream, fields as ffprobe names them. */
  streams: Record<string, unknown>[];
  /** Container-level fields as ffprobe names them. */
  format: Record<string, unknown>;
}

/**
 * Runs `ffprobe -show_streams -show_format -of json` on a file; `T` narrows the answer to the fields a test reads.
 *
 * @example
 * const { streams } = probeStreams(file);
 */
export function probeStreams<T extends object = ProbeResult>(file: string): T {
  const json = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file],
    {
      maxBuffer,
    },
  );
  return JSON.parse(json.toString()) as T;
}

/**
 * Writes bytes to `name` inside a per-process scratch directory (removed when the process exits) and returns the path.
 *
 * @example
 * const file = tempFile(jpeg, 'thumb.jpg');
 */
export function tempFile(bytes: Uint8Array, name: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The per-process scratch directory used by {@link tempFile}, created on first use and removed at exit. */
export function tempDir(): string {
  if (scratch === undefined) {
    const created = mkdtempSync(join(tmpdir(), 'mock-server-test-'));
    scratch = created;
    process.once('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return scratch;
}
