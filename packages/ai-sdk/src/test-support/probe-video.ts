/**
 * Test support: what the real ffprobe says about video bytes.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Frame size, duration and whether there is an audio track. */
export interface VideoProbe {
  width: number;
  height: number;
  duration: number;
  audio: boolean;
  codec: string;
}

/** Runs `use` with a path in a fresh temp directory, removed afterwards. */
function inTempDir<T>(name: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sora-kit-ai-sdk-'));
  try {
    return use(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs ffprobe on the bytes (written to a temp file, so MP4s with the index at the end work). */
export function probeVideo(bytes: Uint8Array): VideoProbe {
  return inTempDir('video.mp4', (file) => {
    writeFileSync(file, bytes);
    const text = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,codec_name,width,height:format=duration',
        '-of',
        'json',
        file,
      ],
      { encoding: 'utf8' },
    );
    const parsed = JSON.parse(text) as {
      streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
      format: { duration: string };
    };
    const video = parsed.streams.find((stream) => stream.codec_type === 'video');
    return {
      width: video?.width ?? 0,
      height: video?.height ?? 0,
      codec: video?.codec_name ?? '',
      duration: Number(parsed.format.duration),
      audio: parsed.streams.some((stream) => stream.codec_type === 'audio'),
    };
  });
}

/** Runs ffmpeg on a lavfi test source (`color=...`, `testsrc=...`) with the given output arguments. */
function lavfi(source: string, output: string[]): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', source, ...output]);
}

/** A solid-colour PNG of `size` (`WxH`), rendered by the real ffmpeg. */
export function solidPng(size: string, colour = 'red'): Uint8Array {
  return new Uint8Array(
    lavfi(`color=${colour}:s=${size}`, ['-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-']),
  );
}

/** A real H.264 MP4 of `size` and `seconds` (ffmpeg's test pattern), as a provider would return it. */
export function testMp4(size: string, seconds: number): Uint8Array {
  return inTempDir('clip.mp4', (file) => {
    lavfi(`testsrc=size=${size}:rate=24:duration=${seconds}`, [
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-preset',
      'ultrafast',
      file,
    ]);
    return new Uint8Array(readFileSync(file));
  });
}
