/**
 * Test support: a `CliIo` whose streams are strings in memory.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../cli-io.js';

/** A captured run's streams. */
export interface CapturedIo {
  /** Pass this to `runSoraKitCli`. */
  io: CliIo;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** A captured `CliIo` with `env`, non-TTY streams unless `tty`, and `onStderr` called on each write. */
export function captureIo(
  env: Record<string, string | undefined> = {},
  options: { tty?: boolean; cwd?: string; signal?: AbortSignal; onStderr?: (text: string) => void } = {},
): CapturedIo {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: {
      isTTY: options.tty === true,
      write(text: string) {
        out += text;
        return true;
      },
    },
    stderr: {
      isTTY: options.tty === true,
      write(text: string) {
        err += text;
        options.onStderr?.(text);
        return true;
      },
    },
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  return { io, stdout: () => out, stderr: () => err };
}

/** A fresh temporary directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sora-kit-cli-'));
}

/** What ffprobe says about a media file. */
export interface Probe {
  /** Streams with their type and frame size. */
  streams: { codec_type: string; width?: number; height?: number }[];
  /** Duration in seconds. */
  duration: number;
}

/** Runs the real ffprobe on `path`. */
export function probe(path: string): Probe {
  const text = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(text) as { streams: Probe['streams']; format: { duration: string } };
  return { streams: parsed.streams, duration: Number(parsed.format.duration) };
}
