/**
 * Downloads a finished job's outputs to files: the first to the given path, further variants
 * (Sora 1) next to it as `NAME-2.mp4`, `NAME-3.mp4`...
 * @module
 */
import { extname, resolve } from 'node:path';
import type { DownloadVariant, VideoClient, VideoJob } from '@sora-kit/core';

/** One file written. */
export interface SavedFile {
  /** Absolute path. */
  path: string;
  /** Bytes written. */
  bytes: number;
  /** Content type the service sent. */
  contentType: string;
  /** The output it holds. */
  outputId: string | undefined;
}

/** File extension of a download variant on a backend. */
export function extensionOf(variant: DownloadVariant, backend: VideoJob['backend']): string {
  if (variant === 'video') return '.mp4';
  if (variant === 'thumbnail') return backend === 'azure-sora1' ? '.jpg' : '.webp';
  return '.jpg';
}

/** `out` for the first output, `NAME-N.ext` for output N (1-based) after it. */
export function outputPath(out: string, index: number): string {
  if (index === 0) return out;
  const ext = extname(out);
  return `${out.slice(0, out.length - ext.length)}-${index + 1}${ext}`;
}

/**
 * Saves every output of `job` (or just `outputId`) under `out` (default `<job id>.mp4`).
 * @example
 * const files = await saveOutputs(client, job, { out: 'fox.mp4', cwd: process.cwd() });
 */
export async function saveOutputs(
  client: VideoClient,
  job: VideoJob,
  options: { out: string | undefined; cwd: string; signal?: AbortSignal | undefined },
): Promise<SavedFile[]> {
  const out = options.out ?? `${job.id}.mp4`;
  const outputs = job.outputs.length > 0 ? job.outputs : [undefined];
  const files: SavedFile[] = [];
  for (const [index, output] of outputs.entries()) {
    const path = resolve(options.cwd, outputPath(out, index));
    const result = await client.downloadToFile(job, path, {
      ...(output && outputs.length > 1 ? { outputId: output.id } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    files.push({ path, bytes: result.bytes, contentType: result.contentType, outputId: output?.id });
  }
  return files;
}

/** `1.2 MB`, `340 kB`, `12 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
